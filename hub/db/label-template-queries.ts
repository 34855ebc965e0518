// SQL for label_templates: the store's price- and weight-embedded label layouts.
import type { Db } from './connection.js';

export interface LabelTemplateRecord {
  id: string;
  /** The template as JSON text; the service parses and validates it. */
  definition: string;
  active: boolean;
  updatedAt: string;
}

interface RawTemplate {
  id: string;
  definition: string;
  active: number;
  updated_at: string;
}

const toTemplate = (r: RawTemplate): LabelTemplateRecord => ({
  id: r.id,
  definition: r.definition,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

export function listLabelTemplates(db: Db): LabelTemplateRecord[] {
  return db.prepare<[], RawTemplate>('SELECT * FROM label_templates ORDER BY id').all().map(toTemplate);
}

export function getLabelTemplate(db: Db, id: string): LabelTemplateRecord | undefined {
  const row = db.prepare<[string], RawTemplate>('SELECT * FROM label_templates WHERE id = ?').get(id);
  return row && toTemplate(row);
}

export function upsertLabelTemplate(db: Db, t: LabelTemplateRecord): void {
  db.prepare(
    `INSERT INTO label_templates (id, definition, active, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, active = excluded.active,
       updated_at = excluded.updated_at`,
  ).run(t.id, t.definition, t.active ? 1 : 0, t.updatedAt);
}

export function deleteLabelTemplate(db: Db, id: string): void {
  db.prepare('DELETE FROM label_templates WHERE id = ?').run(id);
}
