import { daysFrom, programmeDay } from './reminders'

/**
 * Pairings at risk, from their check-ins (DOMAIN.md «check-in» rows; the console's list, secretariat
 * only, R13): the mentor answered «not yet» to the first contact; a halfway answer of `lowAnswer` or
 * less; a question left unanswered `noAnswerDays` after it went out. Pure: no Payload here.
 */
export const RISK_REASONS = ['no-first-contact', 'low-midterm', 'no-answer'] as const
export type RiskReason = (typeof RISK_REASONS)[number]

export const RISK_LABELS: Record<RiskReason, string> = {
  'no-first-contact': 'Encara no hi ha hagut el primer contacte',
  'low-midterm': 'Valoració baixa a meitat de camí',
  'no-answer': 'Sense resposta al seguiment',
}

export type CheckinFact = {
  pairing: string | number
  kind: string
  party: string
  answer?: string | null
  sentAt?: string | null
  answeredAt?: string | null
}
export type Risk = {
  reason: RiskReason
  kind: string
  party: string
  answer?: string | null
  since: string
}

export function risksOf(
  checkins: readonly CheckinFact[],
  now: Date,
  { noAnswerDays, lowAnswer }: { noAnswerDays: number; lowAnswer: number },
): Risk[] {
  const today = programmeDay(now)
  const risks: Risk[] = []
  for (const checkin of checkins) {
    if (checkin.kind === 'first-contact' && checkin.answer === 'not-yet') {
      risks.push({
        reason: 'no-first-contact',
        kind: checkin.kind,
        party: checkin.party,
        answer: checkin.answer,
        since: checkin.answeredAt ?? checkin.sentAt ?? '',
      })
    } else if (
      checkin.kind === 'midterm' &&
      checkin.answer &&
      /^[1-5]$/.test(checkin.answer) &&
      Number(checkin.answer) <= lowAnswer
    ) {
      risks.push({
        reason: 'low-midterm',
        kind: checkin.kind,
        party: checkin.party,
        answer: checkin.answer,
        since: checkin.answeredAt ?? checkin.sentAt ?? '',
      })
    } else if (
      !checkin.answer &&
      checkin.sentAt &&
      daysFrom(programmeDay(checkin.sentAt), today) >= noAnswerDays
    ) {
      risks.push({
        reason: 'no-answer',
        kind: checkin.kind,
        party: checkin.party,
        since: checkin.sentAt,
      })
    }
  }
  return risks
}
