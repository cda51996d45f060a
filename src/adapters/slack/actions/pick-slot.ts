import { decodeSlot } from '../../../core/messages/actions.js';
import { renderBooking } from '../../../core/messages/render.js';
import { bookSlot } from '../../../flows/schedule/book-slot.js';
import { scheduleButton } from './button-listener.js';

export const pickSlot = scheduleButton('action:pick_slot', decodeSlot, async (deps, user, v, at) => renderBooking(await bookSlot(deps, user, v.r, v.s, at)));
