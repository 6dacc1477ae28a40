/** The appointments module's public surface. */
export { releaseBookingsOfVisa, attendAppointment, appointmentCodes, bookedAppointmentsOfVisa } from './use-cases/visa-bookings.ts';
export { GenerateSlotsBody } from './http/appointments.schema.ts';
export { DEMO_HOURS, generateSlots, setOfficeHours } from './use-cases/slots.ts';
export { appointmentRoutes } from './http/appointments.routes.ts';
export type { FindHolderVisa, HolderKey, HolderVisa } from './use-cases/holder-visas.ts';
export {
  bookAppointment,
  cancelAppointment,
  rebookAppointment,
  holderStatus,
  canBookSticker,
  type Holder,
} from './use-cases/book-appointment.ts';
export { listFreeSlots, generateSlotsAsStaff, MAX_SLOT_RANGE_DAYS } from './use-cases/slots.ts';
export { listOfficeDay, type DaySlot, type DayBooking } from './use-cases/office-day.ts';
export { holderRequestLimit, isHolderLimited, type HolderLimit } from './http/holder-limit.ts';
export { AppointmentErrors, ChannelErrors } from './appointments.errors.ts';
export type { HolderActor, HolderCtx } from './domain/holder-actor.ts';
