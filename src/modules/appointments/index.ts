/** The appointments module's use cases that other modules may call. */
export { releaseBookingsOfVisa, attendAppointment } from './use-cases/visa-bookings.ts';
export { AppointmentErrors, ChannelErrors } from './appointments.errors.ts';
export type { HolderActor, HolderCtx } from './domain/holder-actor.ts';
