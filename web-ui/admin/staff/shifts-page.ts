import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { dateTime, getStoreTimeZone } from '../components/admin-format.js';
import { formText } from '../components/form-data.js';
import { renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { adminHref } from '../shell/router.js';
import { rangeFrom } from './date-range.js';
import { NoticeRunner } from './notice-runner.js';
import { renderRangeForm } from './range-form.js';
import { instantOfShopWallTime as instantAt, shopWallTime as wallAt } from './shop-clock.js';

/** The shop's wall clock for the datetime inputs, and back (the store's time zone, from its settings). */
const shopWallTime = (iso: string) => wallAt(iso, getStoreTimeZone());
const instantOfShopWallTime = (value: string) => instantAt(value, getStoreTimeZone());
import { getStaff } from './staff-api.js';
import { staffErrorText } from './staff-errors.js';
import { staffPageStyles } from './staff-styles.js';
import { hoursMinutes } from './staff-text.js';
import { deleteShift, putShift, shiftsOf, type DateRange, type Shift, type ShiftInput } from './time-api.js';

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The range's shop days as instants: from its first midnight to the midnight after its last day. */
function instants(range: DateRange): { from: string; to: string } {
  return {
    from: instantOfShopWallTime(`${range.from}T00:00`) ?? `${range.from}T00:00:00Z`,
    to: instantOfShopWallTime(`${dayAfter(range.to)}T00:00`) ?? `${dayAfter(range.to)}T00:00:00Z`,
  };
}

/**
 * One person's shifts over a period, and a manager's corrections: fix a clock-in or clock-out, enter a
 * forgotten shift, remove a mistaken one. Every correction names its reason, which the hub keeps in the
 * audit log with the shift as it was. Times are typed at the shop's clock.
 */
@customElement('shifts-page')
@localized()
export class ShiftsPage extends AdminPage {
  static override styles = staffPageStyles;

  @state() private _name = '';
  @state() private _shifts: Shift[] = [];
  /** The shift being corrected, 'new' for a forgotten one, or null. */
  @state() private _editing: Shift | 'new' | null = null;
  private _range: DateRange = rangeFrom(new URLSearchParams());
  private _runner = new NoticeRunner(this);
  private _newId = uuidv7();

  private get _staffId(): string {
    return this.params.staffId ?? '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query') || changed.has('params')) {
      this._range = rangeFrom(this.query);
      void this._load();
    }
  }

  override render() {
    const back = adminHref('/timesheets', { from: this._range.from, to: this._range.to });
    return html`<div class="head">
        <h1>${this._name === '' ? msg('Shifts') : msg(str`Shifts of ${this._name}`)}</h1>
        <div class="actions">
          <button class="button primary" type="button" @click=${() => (this._editing = 'new')}>
            ${msg('Enter a forgotten shift')}
          </button>
          <a class="button" href=${back}>${msg('Back to timesheets')}</a>
        </div>
      </div>
      ${renderRangeForm(this._range)} ${this._runner.render()}
      ${this._editing === null ? nothing : this._renderEditor(this._editing)}
      ${renderTable({
        caption: msg('Shifts in the period'),
        rows: this._shifts,
        empty: msg('No shifts in this period.'),
        columns: [
          { header: msg('Clocked in'), cell: (s) => dateTime(s.clockInAt) },
          {
            header: msg('Clocked out'),
            cell: (s) =>
              s.clockOutAt === null
                ? html`<span class="badge ok">${msg('Still at work')}</span>`
                : dateTime(s.clockOutAt),
          },
          { header: msg('Breaks (h:mm)'), cell: (s) => hoursMinutes(s.breakMinutes), align: 'end' },
          { header: msg('Worked (h:mm)'), cell: (s) => hoursMinutes(s.workedMinutes), align: 'end' },
          {
            header: msg('Corrected'),
            cell: (s) => (s.corrected ? html`<span class="badge warning">${msg('Corrected')}</span>` : '—'),
          },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (s) =>
              html`<div class="row-actions">
                <button class="button" type="button" @click=${() => (this._editing = s)}>
                  ${msg('Correct')}
                </button>
              </div>`,
          },
        ],
      })}`;
  }

  private _renderEditor(editing: Shift | 'new') {
    const shift = editing === 'new' ? null : editing;
    const firstBreak = shift?.breaks[0];
    return html`<form
      class="card"
      aria-labelledby="editor-heading"
      @submit=${(e: SubmitEvent) => this._save(e, shift)}
    >
      <h2 id="editor-heading">
        ${shift === null ? msg('Enter a forgotten shift') : msg('Correct the shift')}
      </h2>
      <div class="form-grid">
        <label class="field">
          <span>${msg('Clocked in')}</span>
          <input
            type="datetime-local"
            name="in"
            required
            .value=${shift ? shopWallTime(shift.clockInAt) : ''}
          />
        </label>
        <label class="field">
          <span>${msg('Clocked out (empty: still at work)')}</span>
          <input
            type="datetime-local"
            name="out"
            .value=${shift?.clockOutAt ? shopWallTime(shift.clockOutAt) : ''}
          />
        </label>
        ${
          shift === null || shift.breaks.length <= 1
            ? html`<label class="field">
                  <span>${msg('Break from (optional)')}</span>
                  <input
                    type="datetime-local"
                    name="breakStart"
                    .value=${firstBreak ? shopWallTime(firstBreak.startAt) : ''}
                  />
                </label>
                <label class="field">
                  <span>${msg('Break until')}</span>
                  <input
                    type="datetime-local"
                    name="breakEnd"
                    .value=${firstBreak?.endAt ? shopWallTime(firstBreak.endAt) : ''}
                  />
                </label>`
            : html`<p class="muted">${msg('The breaks of this shift are kept as they are.')}</p>`
        }
        <label class="field">
          <span>${msg('Reason (kept in the audit log)')}</span>
          <input name="reason" required maxlength="500" autocomplete="off" />
        </label>
      </div>
      <div class="toolbar">
        <button class="button primary" type="submit" ?disabled=${this._runner.busy}>
          ${msg('Save shift')}
        </button>
        ${
          shift === null
            ? nothing
            : html`<button
                class="button"
                type="button"
                ?disabled=${this._runner.busy}
                @click=${(e: Event) => this._remove(e, shift)}
              >
                ${msg('Remove shift')}
              </button>`
        }
        <button class="button" type="button" @click=${() => (this._editing = null)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private async _load(): Promise<void> {
    const { from, to } = instants(this._range);
    try {
      const [person, shifts] = await Promise.all([
        this._name === '' ? getStaff(this.api, this._staffId) : Promise.resolve(null),
        shiftsOf(this.api, this._staffId, from, to),
      ]);
      if (person) this._name = person.name;
      this._shifts = shifts;
    } catch (error) {
      this._runner.fail(staffErrorText(error));
    }
  }

  private _save(event: SubmitEvent, shift: Shift | null): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const wall = (name: string) =>
      formText(form, name) === '' ? null : instantOfShopWallTime(formText(form, name));
    const clockInAt = wall('in');
    if (clockInAt === null) return;
    const breakStart = wall('breakStart');
    const breakEnd = wall('breakEnd');
    const keepBreaks = shift !== null && shift.breaks.length > 1;
    const input: ShiftInput = {
      staffId: this._staffId,
      clockInAt,
      clockOutAt: wall('out'),
      breaks: keepBreaks
        ? shift.breaks
        : breakStart === null
          ? []
          : [{ startAt: breakStart, endAt: breakEnd }],
      reason: formText(form, 'reason'),
    };
    void this._runner.run(async () => {
      await putShift(this.api, shift?.id ?? this._newId, input);
      if (shift === null) this._newId = uuidv7();
      this._editing = null;
      await this._load();
      return msg('The shift is saved.');
    });
  }

  private _remove(event: Event, shift: Shift): void {
    const form = (event.currentTarget as HTMLElement).closest('form');
    const reason = form ? formText(form, 'reason') : '';
    if (reason === '') {
      this._runner.fail(msg('Say why the shift is removed.'));
      return;
    }
    void this._runner.run(async () => {
      await deleteShift(this.api, shift.id, reason);
      this._editing = null;
      await this._load();
      return msg('The shift is removed.');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shifts-page': ShiftsPage;
  }
}
