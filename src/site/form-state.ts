import { emptyValues, type FormValues } from './schema'

/** What the page shows after the form was sent without JavaScript (the server action's answer). */
export type FormState = {
  status: number | null
  message?: string
  errors: { field?: string; message: string }[]
  values: FormValues
}

export const initialFormState = (): FormState => ({
  status: null,
  errors: [],
  values: emptyValues(),
})
