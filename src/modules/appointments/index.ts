/** The appointments module's use cases that other modules may call. */
export { releaseBookingsOfVisa, attendAppointment } from './use-cases/visa-bookings.ts';
