import { msg } from '@lit/localize';
import { HubApiError } from '../../../shared/api/errors.js';
import { errorText } from '../../app/error-text.js';
import type { CardStage } from './card-progress.js';
import type { CardBlock } from './pay-flow.js';

/** The words for a card payment's stage, as the cashier reads them off the pay screen. */
export function cardStageText(stage: CardStage): string {
  switch (stage) {
    case 'waiting_for_card':
      return msg('Waiting for the card: ask the customer to insert, tap or swipe it.');
    case 'pin':
      return msg('The customer is entering the PIN.');
    case 'processing':
      return msg('The terminal is processing the card…');
    case 'approved':
      return msg('Approved.');
    case 'declined':
      return msg('Declined.');
    case 'cancelled':
      return msg('Cancelled on the terminal.');
    case 'unknown':
      return msg('No answer from the terminal yet. Asking again — do not take the card payment again.');
  }
}

/** Why the card button is disabled, in plain words. */
export function cardBlockText(block: Exclude<CardBlock, null>): string {
  switch (block) {
    case 'offline':
      return msg(
        'The hub is not reachable, so no card payment can start. The card works again as soon as the hub is back.',
      );
    case 'no-card-tender':
      return msg('This store does not take cards.');
    case 'busy':
      return msg('A payment is in progress.');
    case 'nothing-due':
      return msg('Nothing is left to pay.');
  }
}

/** A refused or failed payment request, in the cashier's words. */
export function paymentErrorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return errorText(error);
  switch (error.code) {
    case 'PAYMENT_EXCEEDS_DUE':
      return msg('That is more than is left to pay. Enter a smaller amount, or pay the rest in cash.');
    case 'TENDERED_TOO_LOW':
      return msg('The cash handed over is less than the amount to pay.');
    case 'REFERENCE_REQUIRED':
      return msg('Enter the voucher or credit number first.');
    case 'UNKNOWN_CREDIT':
      return msg('No store credit has that number.');
    case 'INSUFFICIENT_BALANCE':
      return msg('The store credit or gift card does not cover that amount.');
    case 'UNKNOWN_GIFT_CARD':
      return msg('No gift card has that number.');
    case 'INSUFFICIENT_POINTS':
      return msg('The customer does not have enough points for that amount.');
    case 'CUSTOMER_REQUIRED':
      return msg('Add the customer to the sale to pay with their points.');
    case 'LOYALTY_AMOUNT_STEP':
      return msg('Points pay in whole points: enter an amount that matches.');
    case 'LOYALTY_DISABLED':
      return msg('The store does not run a points programme.');
    case 'TENDER_UNAVAILABLE':
      return msg('The store no longer takes this tender.');
    case 'PAYMENT_OUTCOME_PENDING':
      return msg('A card payment has no outcome yet. Wait for it before taking another payment.');
    case 'NOTHING_DUE':
      return msg('Nothing is left to pay.');
    case 'CARD_PAYMENT_APPROVED':
      return msg('An approved card payment cannot be handed back here. Complete the sale and make a return.');
    case 'SALE_NOT_PAID':
      return msg('The hub says the sale is not fully paid yet.');
    case 'NOT_FOUND':
      return msg('The hub has no record of that payment, so nothing was charged. Try again.');
    default:
      return errorText(error);
  }
}
