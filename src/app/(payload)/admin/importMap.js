import { InviteButton as InviteButton_b4815b4f3080404ffdda015ad3447b11 } from '../../../../src/admin/InviteButton'
import { ExportButton as ExportButton_9e2624f74777a32fba85bccbcc92182d } from '../../../../src/admin/data/ExportButton'
import { VocabularyPicker as VocabularyPicker_eeb4c94802e9b47a669fe43c4a0d730d } from '../../../../src/admin/vocabularies/VocabularyPicker'
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
import { CopyForXmessButton as CopyForXmessButton_73cec26d6ba684dc604d83ac8bb3ca00 } from '../../../../src/admin/fitxes/CopyForXmessButton'
import { FitxaPublishButton as FitxaPublishButton_14429c611aaaa4245c4ad4097fa5d79d } from '../../../../src/admin/fitxes/FitxaPublishButton'
import { RemindersRunButton as RemindersRunButton_e9a67af8203d7c0df02c154c1dd473d5 } from '../../../../src/admin/RemindersRunButton'
import { VocabularyRowLabel as VocabularyRowLabel_f96eb7593482eaef343db7c310241611 } from '../../../../src/admin/vocabularies/RowLabel'
import { Icon as Icon_b231ac8248d52be15270b4d2370a5c12 } from '../../../../src/admin/brand/Logo'
import { Logo as Logo_b231ac8248d52be15270b4d2370a5c12 } from '../../../../src/admin/brand/Logo'
import { MyMentoringNavLink as MyMentoringNavLink_327e1a9a9762a36fb1edec27de10b345 } from '../../../../src/admin/my-mentoring/MyMentoringNavLink'
import { MatchingNavLink as MatchingNavLink_b9ab4f2a7d64df8c55c10a99f239ef0c } from '../../../../src/admin/MatchingNavLink'
import { DataNavLink as DataNavLink_efc681cecd19bf6255dc205152c8a9ab } from '../../../../src/admin/data/DataNavLink'
import { ConsoleNavLink as ConsoleNavLink_a370d1288e3e35fac427c5ae2e03b0a2 } from '../../../../src/admin/console/ConsoleNavLink'
import { PartiesFirst as PartiesFirst_9dcbb0a98ba55807b4f3fa4070f6ec2b } from '../../../../src/admin/my-mentoring/PartiesFirst'
import { ConsoleDashboard as ConsoleDashboard_c00a7344ef2d8d9c3bf7fce8ecc4b5b5 } from '../../../../src/admin/console/ConsoleDashboard'
import { AnnualReportView as AnnualReportView_0092c075fb703ea61985874b29646d64 } from '../../../../src/admin/console/AnnualReportView'
import { PeriodReportView as PeriodReportView_4019c54f388626bb04506d7ef6d70723 } from '../../../../src/admin/console/PeriodReportView'
import { MatchingView as MatchingView_0be68dbc53768910e3d1fffa6604b3ef } from '../../../../src/admin/MatchingView'
import { DataView as DataView_6106a6d90a131eb89fcad623440b60ed } from '../../../../src/admin/data/DataView'
import { MyMentoringView as MyMentoringView_41a33f1b295c56025246fd7b0c2d74f9 } from '../../../../src/admin/my-mentoring/MyMentoringView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/InviteButton#InviteButton": InviteButton_b4815b4f3080404ffdda015ad3447b11,
  "/src/admin/data/ExportButton#ExportButton": ExportButton_9e2624f74777a32fba85bccbcc92182d,
  "/src/admin/vocabularies/VocabularyPicker#VocabularyPicker": VocabularyPicker_eeb4c94802e9b47a669fe43c4a0d730d,
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
  "/src/admin/fitxes/CopyForXmessButton#CopyForXmessButton": CopyForXmessButton_73cec26d6ba684dc604d83ac8bb3ca00,
  "/src/admin/fitxes/FitxaPublishButton#FitxaPublishButton": FitxaPublishButton_14429c611aaaa4245c4ad4097fa5d79d,
  "/src/admin/RemindersRunButton#RemindersRunButton": RemindersRunButton_e9a67af8203d7c0df02c154c1dd473d5,
  "/src/admin/vocabularies/RowLabel#VocabularyRowLabel": VocabularyRowLabel_f96eb7593482eaef343db7c310241611,
  "/src/admin/brand/Logo#Icon": Icon_b231ac8248d52be15270b4d2370a5c12,
  "/src/admin/brand/Logo#Logo": Logo_b231ac8248d52be15270b4d2370a5c12,
  "/src/admin/my-mentoring/MyMentoringNavLink#MyMentoringNavLink": MyMentoringNavLink_327e1a9a9762a36fb1edec27de10b345,
  "/src/admin/MatchingNavLink#MatchingNavLink": MatchingNavLink_b9ab4f2a7d64df8c55c10a99f239ef0c,
  "/src/admin/data/DataNavLink#DataNavLink": DataNavLink_efc681cecd19bf6255dc205152c8a9ab,
  "/src/admin/console/ConsoleNavLink#ConsoleNavLink": ConsoleNavLink_a370d1288e3e35fac427c5ae2e03b0a2,
  "/src/admin/my-mentoring/PartiesFirst#PartiesFirst": PartiesFirst_9dcbb0a98ba55807b4f3fa4070f6ec2b,
  "/src/admin/console/ConsoleDashboard#ConsoleDashboard": ConsoleDashboard_c00a7344ef2d8d9c3bf7fce8ecc4b5b5,
  "/src/admin/console/AnnualReportView#AnnualReportView": AnnualReportView_0092c075fb703ea61985874b29646d64,
  "/src/admin/console/PeriodReportView#PeriodReportView": PeriodReportView_4019c54f388626bb04506d7ef6d70723,
  "/src/admin/MatchingView#MatchingView": MatchingView_0be68dbc53768910e3d1fffa6604b3ef,
  "/src/admin/data/DataView#DataView": DataView_6106a6d90a131eb89fcad623440b60ed,
  "/src/admin/my-mentoring/MyMentoringView#MyMentoringView": MyMentoringView_41a33f1b295c56025246fd7b0c2d74f9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
