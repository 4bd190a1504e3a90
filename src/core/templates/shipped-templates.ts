import type { MessageTemplate } from './message-template.js';

/**
 * The message templates the shipped playbooks send (core/journeys/shipped-playbooks.ts): the
 * welcome and feature sequence of low-touch onboarding, the CSM's introduction in high-touch
 * onboarding, in-app guidance for no-touch, the hand-over from a CSM to the automated
 * programme, renewal reminders, win-back and the feedback request. Every one has English; the
 * first messages a customer sees also have Norwegian (nb). Edit them like any definition
 * (`touchpoint export`, change, `touchpoint apply -f`). Keys are in the schema's order, so an
 * export applied unchanged reads back the same.
 */
const greeting = '{{ contact.firstName | default: "there" }}';
const hei = '{{ contact.firstName | default: "" }}';
const company = '{{ account.name | default: "your team" }}';
const footer = '<p style="color:#777;font-size:12px">You receive this because your team uses our product. <a href="{{ links.unsubscribe }}">Unsubscribe</a>.</p>';
const textFooter = 'Unsubscribe: {{ links.unsubscribe }}';
const bunntekst = '<p style="color:#777;font-size:12px">Du får denne e-posten fordi teamet ditt bruker produktet vårt. <a href="{{ links.unsubscribe }}">Meld deg av</a>.</p>';
const tekstBunntekst = 'Meld deg av: {{ links.unsubscribe }}';

function email(id: string, name: string, locales: Record<string, { subject: string; paragraphs: string[]; footer?: 'nb' }>): MessageTemplate {
  return {
    id,
    name,
    defaultLocale: 'en',
    channel: 'email',
    locales: Object.fromEntries(
      Object.entries(locales).map(([locale, { subject, paragraphs, footer: nb }]) => [
        locale,
        {
          subject,
          html: paragraphs.map((p) => `<p>${p}</p>`).join('\n') + '\n' + (nb ? bunntekst : footer),
          text: paragraphs.map((p) => p.replace(/<a href="([^"]+)">([^<]+)<\/a>/g, '$2: $1')).join('\n\n') + '\n\n' + (nb ? tekstBunntekst : textFooter),
        },
      ]),
    ),
  };
}

export const SHIPPED_TEMPLATES: readonly MessageTemplate[] = [
  email('welcome', 'Welcome (low-touch onboarding, day 0)', {
    en: {
      subject: `Welcome, ${greeting}: three steps to get ${company} started`,
      paragraphs: [
        `Hi ${greeting},`,
        'Welcome aboard. Most teams get value within their first week by doing three things: connect a data source, invite two colleagues and build a first report.',
        'The <a href="https://docs.touchpoint.example/getting-started">getting-started guide</a> walks through each in ten minutes.',
        'If you get stuck, just reply to this e-mail: a person reads every answer.',
      ],
    },
    nb: {
      subject: `Velkommen, ${hei}: tre steg for å komme i gang`,
      paragraphs: [
        `Hei ${hei},`,
        'Velkommen om bord. De fleste team får verdi den første uken ved å gjøre tre ting: koble til en datakilde, invitere to kolleger og lage en første rapport.',
        '<a href="https://docs.touchpoint.example/nb/kom-i-gang">Kom i gang-guiden</a> går gjennom hvert steg på ti minutter.',
        'Står du fast, svar på denne e-posten: et menneske leser hvert svar.',
      ],
      footer: 'nb',
    },
  }),
  email('feature-highlights', 'Feature highlights (low-touch onboarding, day 2)', {
    en: {
      subject: 'Three features teams like yours use every week',
      paragraphs: [
        `Hi ${greeting},`,
        'Dashboards that refresh themselves, scheduled reports to your inbox, and alerts when a number moves: the knowledge base explains each with examples.',
        'Start with <a href="https://docs.touchpoint.example/kb/scheduled-reports">scheduled reports</a>: it takes two minutes.',
      ],
    },
  }),
  email('video-guides', 'Video guides (low-touch onboarding, day 5)', {
    en: {
      subject: 'Five-minute videos for the rest of the setup',
      paragraphs: [
        `Hi ${greeting},`,
        'Some things are easier to watch than to read. Our <a href="https://docs.touchpoint.example/videos">video guides</a> show inviting your team, building a workflow and sharing a dashboard, five minutes each.',
      ],
    },
  }),
  email('help-offer', 'An offer of help (low-touch onboarding, day 9, not yet activated)', {
    en: {
      subject: `Can we help ${company} finish setting up?`,
      paragraphs: [
        `Hi ${greeting},`,
        'It looks like setup is not finished yet. Would a 20-minute call with one of our specialists help? Reply with a time that suits you, or book one in the <a href="https://docs.touchpoint.example/help">help centre</a>.',
      ],
    },
  }),
  email('csm-introduction', 'Your customer success manager (high-touch onboarding, day 0)', {
    en: {
      subject: `Meet your customer success manager, ${greeting}`,
      paragraphs: [
        `Hi ${greeting},`,
        `From today ${company} has a dedicated customer success manager{% if account.ownerEmail %} ({{ account.ownerEmail }}){% endif %}, who will set up a kickoff call this week and plan your training sessions with you.`,
        'Until then, the <a href="https://docs.touchpoint.example/getting-started">getting-started guide</a> is a good place to begin.',
      ],
    },
    nb: {
      subject: `Møt kundeansvarlig hos oss, ${hei}`,
      paragraphs: [
        `Hei ${hei},`,
        `Fra i dag har ${company} en egen kundeansvarlig{% if account.ownerEmail %} ({{ account.ownerEmail }}){% endif %}, som setter opp et oppstartsmøte denne uken og planlegger opplæringen sammen med dere.`,
        'Frem til da er <a href="https://docs.touchpoint.example/nb/kom-i-gang">kom i gang-guiden</a> et godt sted å begynne.',
      ],
      footer: 'nb',
    },
  }),
  email('training-invitation', 'Training invitation (high-touch onboarding, day 3)', {
    en: {
      subject: 'Your training sessions: what to expect',
      paragraphs: [
        `Hi ${greeting},`,
        'Your onboarding includes two live training sessions: the essentials first, then advanced use. Bring the two or three questions your team most wants answered; we shape the sessions around them.',
      ],
    },
  }),
  email('handover', 'Hand-over from the CSM (hybrid, after onboarding)', {
    en: {
      subject: `${company} is up and running: what happens next`,
      paragraphs: [
        `Hi ${greeting},`,
        'Onboarding is complete, well done. From here you will hear from us every couple of weeks with tips that match how your team uses the product, and a person is one reply away whenever you need one.',
      ],
    },
  }),
  email('self-service-tips', 'Self-service tips (no-touch, day 1)', {
    en: {
      subject: 'Everything you need, whenever you need it',
      paragraphs: [`Hi ${greeting},`, 'The <a href="https://docs.touchpoint.example/help">help centre</a> answers most questions in under a minute, and the in-app guide shows the next step wherever you are.'],
    },
  }),
  email('renewal-reminder', 'Renewal reminder (60 and 30 days before renewal)', {
    en: {
      subject: `${company} renews on {{ account.renewalDate | date: "%B %-d, %Y" }}`,
      paragraphs: [
        `Hi ${greeting},`,
        `Your subscription renews on {{ account.renewalDate | date: "%B %-d, %Y" }}. Nothing to do if all is well; if your needs have changed, reply and we will find the right plan together.`,
      ],
    },
  }),
  email('win-back', 'Win-back (30 days after cancelling)', {
    en: {
      subject: `We would like ${company} back`,
      paragraphs: [
        `Hi ${greeting},`,
        'A lot has changed since you left: faster reports, a new workflow builder and better exports. If you would like to look again, your data is still here and your first month back is on us.',
      ],
    },
  }),
  email('feedback-request', 'Feedback request (after onboarding)', {
    en: {
      subject: 'How likely are you to recommend us? (one question)',
      paragraphs: [
        `Hi ${greeting},`,
        'On a scale from 0 to 10, how likely are you to recommend us to a colleague? <a href="https://docs.touchpoint.example/survey?c={{ contact.id }}">Answer in one click</a>; it helps us more than you think.',
      ],
    },
    nb: {
      subject: 'Hvor sannsynlig er det at du anbefaler oss? (ett spørsmål)',
      paragraphs: [
        `Hei ${hei},`,
        'På en skala fra 0 til 10, hvor sannsynlig er det at du anbefaler oss til en kollega? <a href="https://docs.touchpoint.example/survey?c={{ contact.id }}">Svar med ett klikk</a>; det hjelper oss mer enn du tror.',
      ],
      footer: 'nb',
    },
  }),
  {
    id: 'getting-started-guide',
    name: 'In-app: getting started (no-touch)',
    defaultLocale: 'en',
    channel: 'in-app',
    locales: {
      en: { title: 'Welcome! Start here', body: '<p>Connect a data source, invite a colleague and build your first report: the checklist on the left shows what is left.</p>' },
      nb: { title: 'Velkommen! Start her', body: '<p>Koble til en datakilde, inviter en kollega og lag din første rapport: sjekklisten til venstre viser hva som gjenstår.</p>' },
    },
  },
  {
    id: 'explore-features',
    name: 'In-app: explore features (no-touch, day 7)',
    defaultLocale: 'en',
    channel: 'in-app',
    locales: { en: { title: 'Did you know?', body: '<p>Scheduled reports send your dashboard to your inbox every Monday. Open any dashboard and choose <b>Schedule</b>.</p>' } },
  },
];
