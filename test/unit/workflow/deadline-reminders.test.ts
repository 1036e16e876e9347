import { describe, expect, it, vi } from 'vitest';

// deadline-reminders.ts also sends the reminders, so loading it reads the table's and the mailer's configuration.
vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    SENDER_EMAIL: 'dsr@example.org',
    PUBLIC_BASE_URL: 'https://dsr.example.org',
  });
});

import { deadlineStage, targetReminderDue } from '../../../functions/workflow/deadline-reminders';

const DAY = 86_400_000;
const DUE = '2026-04-06T23:59:59.999Z';
const whenLeft = (ms: number) => new Date(Date.parse(DUE) - ms);

describe('which deadline reminder the DPO gets', () => {
  it('reminds nobody while more than seven days are left', () => {
    expect(deadlineStage(DUE, whenLeft(7 * DAY + 1))).toBeUndefined();
    expect(deadlineStage(DUE, whenLeft(30 * DAY))).toBeUndefined();
  });

  it('reminds the DPO seven days before the deadline, until two days are left', () => {
    expect(deadlineStage(DUE, whenLeft(7 * DAY))).toBe('in_7_days');
    expect(deadlineStage(DUE, whenLeft(3 * DAY))).toBe('in_7_days');
    expect(deadlineStage(DUE, whenLeft(2 * DAY + 1))).toBe('in_7_days');
  });

  it('reminds the DPO again two days before the deadline, up to the deadline itself', () => {
    expect(deadlineStage(DUE, whenLeft(2 * DAY))).toBe('in_2_days');
    expect(deadlineStage(DUE, whenLeft(1))).toBe('in_2_days');
    expect(deadlineStage(DUE, whenLeft(0))).toBe('in_2_days');
  });

  it('alerts the DPO once the deadline has passed', () => {
    expect(deadlineStage(DUE, new Date(Date.parse(DUE) + 1))).toBe('overdue');
    expect(deadlineStage(DUE, new Date(Date.parse(DUE) + 40 * DAY))).toBe('overdue');
  });
});

describe('the internal target’s reminder', () => {
  const request = { targetAt: '2026-03-09T23:59:59.999Z', dueAt: '2026-04-06T23:59:59.999Z' };

  it('reminds staff from the start of the target’s day, not before', () => {
    expect(targetReminderDue(request, new Date('2026-03-08T23:59:59Z'))).toBe(false);
    expect(targetReminderDue(request, new Date('2026-03-09T00:00:00Z'))).toBe(true);
    // Past it still (once, by its marks), as long as the legal deadline has not passed.
    expect(targetReminderDue(request, new Date('2026-03-20T10:00:00Z'))).toBe(true);
    expect(targetReminderDue(request, new Date('2026-04-07T00:00:00Z'))).toBe(false);
  });

  it('has nothing to remind of without a target', () => {
    expect(targetReminderDue({ dueAt: request.dueAt }, new Date('2026-03-20T10:00:00Z'))).toBe(false);
  });
});
