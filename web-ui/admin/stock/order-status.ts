import { msg } from '@lit/localize';
import { html } from 'lit';
import type { OrderStatus } from './purchasing-api.js';

export function orderStatusLabel(status: OrderStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft');
    case 'sent':
      return msg('Sent');
    case 'partly_received':
      return msg('Partly received');
    case 'received':
      return msg('Received');
    case 'cancelled':
      return msg('Cancelled');
  }
}

export function orderStatusBadge(status: OrderStatus) {
  const tone = status === 'received' ? 'ok' : status === 'cancelled' || status === 'draft' ? '' : 'warning';
  return html`<span class="badge ${tone}" data-status=${status}>${orderStatusLabel(status)}</span>`;
}
