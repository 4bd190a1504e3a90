// Preloaded (`node --import`) into a `touchpoint` process under test to move its clock ahead by
// TOUCHPOINT_TEST_CLOCK_SHIFT_MS: a restarted worker then lives at a time when the leases the
// killed one held have run out, as they would after minutes of waiting. The clock is the one
// thing faked, at the process boundary; the product reads it through `systemClock` (Date.now).
const shift = Number(process.env['TOUCHPOINT_TEST_CLOCK_SHIFT_MS'] ?? '0');
if (!Number.isFinite(shift)) throw new Error('TOUCHPOINT_TEST_CLOCK_SHIFT_MS must be a number of milliseconds');
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + shift;
export {};
