import { SelectField } from '@payloadcms/ui'
import type { Payload, TextFieldClientProps } from 'payload'

import type { VocabularyKind } from '../../rules/vocabularies'
import { currentVocabularies } from '../../services/vocabularies'

/**
 * The admin's picker for a vocabulary field (collections/fields.ts, vocabularyField): the values the
 * secretariat keeps in «Vocabularis» now, read when the form is built, so a new àmbit is offered
 * without a restart. A stored value that is no longer in the list still shows (by its code).
 */
export async function VocabularyPicker(
  props: Pick<TextFieldClientProps, 'path' | 'readOnly'> & {
    clientField: TextFieldClientProps['field']
    payload: Payload
    kind: VocabularyKind
  },
) {
  const { payload, kind, clientField, path, readOnly } = props
  const list = (await currentVocabularies(payload))[kind]
  const options = list.map((item) => ({ value: item.value, label: item.label }))
  return (
    <SelectField
      field={{ ...(clientField as object), type: 'select', hasMany: true, options } as never}
      path={path}
      readOnly={readOnly}
    />
  )
}
