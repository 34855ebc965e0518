import type { Chart as ChartType, ChartConfiguration } from 'chart.js';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

export interface ChartSeries {
  label: string;
  values: readonly number[];
  /** Drawn as a line over the bars (the period before, for instance). */
  line?: boolean;
}

// Colours that read on white and for the common colour blindnesses (Okabe-Ito).
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

let chartModule: Promise<{ Chart: typeof ChartType }> | null = null;

const colour = (i: number): string => PALETTE[i % PALETTE.length] ?? '#0072B2';

/**
 * A chart of report figures with Chart.js, loaded the first time a chart is shown. The figures are also in
 * the table beside every chart, so the canvas is labelled as an image of them for screen readers.
 */
@customElement('report-chart')
export class ReportChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      min-height: 14rem;
      height: var(--chart-height, 18rem);
    }
  `;

  @property() kind: 'bar' | 'doughnut' | 'horizontal' = 'bar';
  /** What the chart shows, said to screen readers. */
  @property() label = '';
  @property({ attribute: false }) labels: readonly string[] = [];
  @property({ attribute: false }) series: readonly ChartSeries[] = [];
  /** Formats a value for the axis and the tooltip (money in the store's currency, say). */
  @property({ attribute: false }) format: (value: number) => string = String;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: ChartType | null = null;
  private drawing = 0;

  override render() {
    return html`<canvas role="img" aria-label=${this.label}></canvas>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('labels') || changed.has('series') || changed.has('kind')) void this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  private async draw(): Promise<void> {
    const turn = ++this.drawing;
    chartModule ??= import('./chart-setup.js');
    const { Chart } = await chartModule;
    // Only the newest of several draws asked for while Chart.js loaded paints the canvas.
    if (!this.isConnected || turn !== this.drawing) return;
    this.chart?.destroy();
    Chart.getChart(this.canvas)?.destroy();
    this.chart = new Chart(this.canvas, this.config());
  }

  private config(): ChartConfiguration {
    // Axis ticks fall between whole minor units; the figures themselves never do.
    const format = (value: number) => this.format(Math.round(value));
    const tooltip = {
      callbacks: {
        label: (item: { dataset: { label?: string }; raw: unknown }) =>
          `${item.dataset.label ?? ''}: ${format(Number(item.raw))}`,
      },
    };
    if (this.kind === 'doughnut') {
      return {
        type: 'doughnut',
        data: {
          labels: [...this.labels],
          datasets: this.series.map((s) => ({
            label: s.label,
            data: [...s.values],
            backgroundColor: this.labels.map((_, i) => colour(i)),
          })),
        },
        options: { maintainAspectRatio: false, animation: false, plugins: { tooltip } },
      };
    }
    return {
      type: 'bar',
      data: {
        labels: [...this.labels],
        datasets: this.series.map((s, i) => ({
          type: s.line === true ? ('line' as const) : ('bar' as const),
          label: s.label,
          data: [...s.values],
          backgroundColor: colour(i),
          borderColor: colour(i),
          pointRadius: 2,
        })),
      },
      options: {
        indexAxis: this.kind === 'horizontal' ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          [this.kind === 'horizontal' ? 'x' : 'y']: {
            ticks: { callback: (v: string | number) => format(Number(v)) },
          },
        },
        plugins: { tooltip },
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-chart': ReportChart;
  }
}
