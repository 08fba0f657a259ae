import type { EditionChoice } from './data'

/** A plain GET form: works without JavaScript, and the chosen edition stays in the address. */
export function EditionPicker({
  editions,
  current,
  action,
}: {
  editions: EditionChoice[]
  current?: EditionChoice
  action: string
}) {
  return (
    <form className="console-picker" method="get" action={action}>
      <label htmlFor="console-edicio">Convocatòria</label>
      <select
        id="console-edicio"
        name="edicio"
        defaultValue={current ? String(current.id) : undefined}
      >
        {editions.map((edition) => (
          <option key={String(edition.id)} value={String(edition.id)}>
            {edition.name}
          </option>
        ))}
      </select>
      <button type="submit">Mostra</button>
    </form>
  )
}
