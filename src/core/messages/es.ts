import type { JobOutcome } from '../ledger/types.js';
import type { ProposalVerdict } from '../rules/account-facts.js';
import type { LedgerEvent } from '../rules/replay.js';
import type { Messages } from './en.js';

// The member's own account in Spanish: the part of an answer the language model never sees (unless
// a community opts in to sending account data), so it is said here, by the core, in the member's
// language. Everything else of a Spanish answer is the model's rewording, checked fact by fact.
// The same keys as `en.account`; dates in the Spanish style ("3 de diciembre de 2026").

const FECHA = new Intl.DateTimeFormat('es', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 de diciembre de 2026". */
const fecha = (instant: Date) => FECHA.format(instant);

/** "1 Connect", "12 Connects": the product's name is not translated. */
const connects = (amount: number) => `${amount} Connect${amount === 1 ? '' : 's'}`;

/** What happened to a job, as the reason its Connects come back or not. */
const MOTIVO = {
  client_cancelled: 'el cliente canceló el trabajo sin contratar a nadie',
  platform_removed: 'la plataforma retiró la oferta',
  expired: 'la oferta caducó',
  withdrawn: 'retiraste la propuesta',
  declined: 'el cliente rechazó la propuesta',
  hired: 'el cliente contrató a otra persona',
  open: 'el trabajo sigue abierto',
} as const satisfies Readonly<Record<JobOutcome, string>>;

const CONCESIONES: Readonly<Record<string, string>> = {
  signup: 'bono de registro',
  monthly: 'Connects gratis del mes',
  'rising-talent': 'bono Rising Talent',
  interview: 'bono por entrevista',
  certification: 'bono por certificación',
  moderator: 'abono de un moderador',
};

function propuesta(verdict: ProposalVerdict): string {
  const boost = verdict.boost > 0 ? `, ${verdict.boost} de ellos para destacarla` : '';
  const head = `"${verdict.job}" (${verdict.proposal}, ${connects(verdict.spent)}${boost})`;
  const cuando = verdict.decidedAt === null ? '' : ` el ${fecha(verdict.decidedAt)}`;
  switch (verdict.refund) {
    case 'refunded':
      return `${head}: ${MOTIVO[verdict.outcome]}${cuando}, así que ${connects(verdict.returned)} volvieron a tu saldo como Connects (nunca como dinero).`;
    case 'not-eligible':
      return `${head}: ${MOTIVO[verdict.outcome]}${cuando}, así que no se devuelven.`;
    case 'not-yet':
      return `${head}: ${MOTIVO.open}, así que todavía no se devuelve nada; solo vuelven si el cliente lo cancela o la plataforma lo retira.`;
  }
}

function movimiento(event: LedgerEvent): string {
  const cuando = fecha(event.at);
  switch (event.kind) {
    case 'credit': {
      const que =
        event.source === 'purchase'
          ? 'compra'
          : event.source === 'grant'
            ? (CONCESIONES[event.reason ?? ''] ?? 'concesión')
            : `ajuste${event.reason ? ` (${event.reason})` : ''}`;
      return `${cuando}: +${event.amount}, ${que}`;
    }
    case 'debit':
      return event.proposal === undefined
        ? `${cuando}: −${event.amount}, ajuste${event.reason ? ` (${event.reason})` : ''}`
        : `${cuando}: −${event.amount}, propuesta "${event.job}" (${event.proposal})`;
    case 'refund':
      return `${cuando}: +${event.amount}, devueltos por la propuesta ${event.proposal}`;
    case 'expiry':
      return `${cuando}: −${event.amount}, caducados (un año después de obtenerlos)`;
    case 'outcome':
      return `${cuando}: resultado del trabajo de ${event.proposal}: ${MOTIVO[event.outcome]}`;
  }
}

export const esAccount: Messages['account'] = {
  more: (count) => `…y ${count} más`,
  proposal: propuesta,
  event: movimiento,
  balance: (id, balance) => `**Tu cuenta** (${id}): ahora tienes **${connects(balance)}**.`,
  expiringSoon: (items) =>
    `Caducan pronto: ${items.map((item) => `${item.amount} el ${fecha(item.on)}`).join(', ')}.`,
  nextFreeConnects: (amount, on) => `Tus próximos ${amount} Connects gratis llegan el ${fecha(on)}.`,
  noGrantRecorded: (cycle) =>
    `No hay Connects gratis del mes registrados para el ciclo que empezó el ${fecha(cycle)}.`,
  recentActivity: (list) => `Movimientos recientes:\n${list}`,
  noProposals: (id) =>
    `**Tus propuestas** (${id}): no encuentro Connects gastados en propuestas en tu historial.`,
  proposals: (id, list) => `**Tus propuestas** (${id}):\n${list}`,
  monthly: (id, sentences) => `**Tu cuenta** (${id}): ${sentences.join(' ')}`,
  billingCycle: (billingDay) =>
    `tu ciclo de facturación se renueva el día ${billingDay} de cada mes (el último día en los meses más cortos).`,
  grantLooksMissing: (amount, cycle) =>
    `No encuentro los ${connects(amount)} del ciclo que empezó el ${fecha(cycle)}, así que parece que faltan; se lo he señalado a un moderador para que lo revise.`,
  lastGrant: (on) => `Los últimos llegaron el ${fecha(on)}.`,
  nextGrant: (amount, on) => `Los próximos ${connects(amount)} llegan el ${fecha(on)}.`,
  agencyNoFreeConnects: (id, onAgencyPlus) =>
    `**Tu cuenta** (${id}) es una agencia, y las agencias no reciben Connects gratis, ni mensuales ni de otro tipo: sus Connects se compran${onAgencyPlus ? '' : ' con Agency Plus'}.`,
  nothingToExpire: (id) =>
    `**Tu cuenta** (${id}): no tienes Connects sin caducar, así que nada está por caducar.`,
  batches: (id, balance, list) =>
    `**Tu cuenta** (${id}): tienes ${connects(balance)}; cada lote dura un año desde que lo obtuviste:\n${list}`,
  batchExpires: (amount, on) => `${connects(amount)} caducan el ${fecha(on)}`,
  noRecentPurchase: (id, days) =>
    `**Tu cuenta** (${id}): no veo ninguna compra de Connects en los últimos ${days} días. Si te cobraron, se lo he señalado a un moderador para que lo revise contigo.`,
  purchases: (id, list, balance) =>
    `**Tu cuenta** (${id}): estas compras están abonadas:\n${list}\nTu saldo es de ${connects(balance)}.`,
  notAnAgency: (id) =>
    `**Tu cuenta** (${id}) es un perfil de freelancer, así que las reglas de agencias no se aplican.`,
  agencyBasic: (id) =>
    `**Tu agencia** (${id}) tiene Agency Basic: no puede comprar Connects ni enviar propuestas hasta pasar a Agency Plus. Las agencias tampoco reciben Connects gratis.`,
  agencyPlus: (id, balance) =>
    `**Tu agencia** (${id}) tiene Agency Plus, así que puede comprar Connects compartidos de la agencia; tiene ${connects(balance)}. Las agencias no reciben Connects gratis, así que cada Connect se compra.`,
  unlinked: (identity) =>
    `No veo ninguna cuenta del marketplace vinculada a ti (${identity}), así que esta es la regla general. Para recibir respuestas sobre tus propios Connects, pide a un moderador que vincule tu cuenta; mientras tanto, la página Connects History muestra cada abono y cada gasto.`,
  unlinkedView: (identity) =>
    `No veo ninguna cuenta del marketplace vinculada a ti (${identity}). Pide a un moderador que vincule tu cuenta; mientras tanto, la página Connects History muestra cada abono y cada gasto.`,
  privateHint:
    'Tus propias cifras no se muestran aquí, donde todos pueden leerlas: pregúntame con el comando `/connects` y solo tú verás la respuesta.',
  clue: {
    expired: (amount, on) =>
      `${amount} de tus Connects caducaron el ${fecha(on)}, un año después de obtenerlos`,
    refunded: (job, outcome, on, returned) =>
      `en tu propuesta a "${job}", ${MOTIVO[outcome]} el ${fecha(on)}, y sus ${connects(returned)} volvieron`,
    notReturned: (job, spent, outcome, on) =>
      `en tu propuesta a "${job}" (${connects(spent)}), ${MOTIVO[outcome]} el ${fecha(on)}, así que no se devolvieron`,
    grantMissing: (cycle) =>
      `no hay Connects gratis del mes registrados para el ciclo que empezó el ${fecha(cycle)}`,
  },
};
