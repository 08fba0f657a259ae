import { InviteButton as InviteButton_b4815b4f3080404ffdda015ad3447b11 } from '../../../../src/admin/InviteButton'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FitxaPublishButton as FitxaPublishButton_14429c611aaaa4245c4ad4097fa5d79d } from '../../../../src/admin/fitxes/FitxaPublishButton'
import { MyMentoringNavLink as MyMentoringNavLink_327e1a9a9762a36fb1edec27de10b345 } from '../../../../src/admin/my-mentoring/MyMentoringNavLink'
import { MatchingNavLink as MatchingNavLink_b9ab4f2a7d64df8c55c10a99f239ef0c } from '../../../../src/admin/MatchingNavLink'
import { PartiesFirst as PartiesFirst_9dcbb0a98ba55807b4f3fa4070f6ec2b } from '../../../../src/admin/my-mentoring/PartiesFirst'
import { MatchingView as MatchingView_0be68dbc53768910e3d1fffa6604b3ef } from '../../../../src/admin/MatchingView'
import { MyMentoringView as MyMentoringView_41a33f1b295c56025246fd7b0c2d74f9 } from '../../../../src/admin/my-mentoring/MyMentoringView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/InviteButton#InviteButton": InviteButton_b4815b4f3080404ffdda015ad3447b11,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/fitxes/FitxaPublishButton#FitxaPublishButton": FitxaPublishButton_14429c611aaaa4245c4ad4097fa5d79d,
  "/src/admin/my-mentoring/MyMentoringNavLink#MyMentoringNavLink": MyMentoringNavLink_327e1a9a9762a36fb1edec27de10b345,
  "/src/admin/MatchingNavLink#MatchingNavLink": MatchingNavLink_b9ab4f2a7d64df8c55c10a99f239ef0c,
  "/src/admin/my-mentoring/PartiesFirst#PartiesFirst": PartiesFirst_9dcbb0a98ba55807b4f3fa4070f6ec2b,
  "/src/admin/MatchingView#MatchingView": MatchingView_0be68dbc53768910e3d1fffa6604b3ef,
  "/src/admin/my-mentoring/MyMentoringView#MyMentoringView": MyMentoringView_41a33f1b295c56025246fd7b0c2d74f9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
