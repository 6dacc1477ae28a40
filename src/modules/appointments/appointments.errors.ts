/** The error codes the appointments module raises. */
import { defineErrors } from '../../platform/errors.ts';

export const AppointmentErrors = defineErrors('APPOINTMENT', {
  SLOT_FULL: { status: 409, title: 'That slot is full' },
  ALREADY_BOOKED: { status: 409, title: 'You already have an appointment' },
  NOT_ELIGIBLE: { status: 422, title: 'No appointment can be booked for this visa' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, title: 'This idempotency key was used for another booking' },
  AT_OTHER_OFFICE: { status: 409, title: 'The appointment is at another office' },
});

export const ChannelErrors = defineErrors('CHANNEL', {
  WRONG_CHANNEL: { status: 409, title: 'This is the wrong channel for you' },
});
