// Rows of a raw `db.execute(sql...)`: both drivers answer `{ rows }`, but the shared type cannot say so.
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
