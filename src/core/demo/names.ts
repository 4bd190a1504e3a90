/**
 * Word lists the demo draws from. Fixed in code so that a seed always gives the same data.
 * E-mail domains end in `.example` (reserved by RFC 2606): demo contacts must never reach a
 * real inbox once journeys start sending mail.
 */

export interface Country {
  code: string;
  locale: string;
  timezones: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** Relative share of customers from this country. */
  weight: number;
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US', locale: 'en-US', weight: 30,
    timezones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    firstNames: ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Linda', 'Robert', 'Emily', 'Daniel', 'Ashley', 'Chris', 'Megan', 'Kevin', 'Rachel', 'Brian', 'Laura', 'Jason', 'Nicole', 'Tyler', 'Olivia'],
    lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright'],
  },
  {
    code: 'GB', locale: 'en-GB', weight: 14,
    timezones: ['Europe/London'],
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Sophie', 'Charlie', 'Grace', 'Thomas', 'Lucy', 'William', 'Chloe', 'Alfie', 'Ella'],
    lastNames: ['Clarke', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Green', 'Wood', 'Harris', 'Cooper', 'Ward', 'Morris', 'Baker', 'Bennett', 'Patel', 'Collins', 'Evans'],
  },
  {
    code: 'NO', locale: 'nb-NO', weight: 14,
    timezones: ['Europe/Oslo'],
    firstNames: ['Ingrid', 'Lars', 'Kari', 'Ole', 'Sigrid', 'Henrik', 'Nora', 'Magnus', 'Astrid', 'Eirik', 'Solveig', 'Jonas', 'Marit', 'Sindre', 'Ida', 'Håkon'],
    lastNames: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Berg', 'Haugen', 'Hagen', 'Bakken', 'Solberg', 'Dahl', 'Lie'],
  },
  {
    code: 'CZ', locale: 'cs-CZ', weight: 10,
    timezones: ['Europe/Prague'],
    firstNames: ['Jan', 'Tereza', 'Petr', 'Eliška', 'Tomáš', 'Lucie', 'Jakub', 'Kateřina', 'Martin', 'Veronika', 'Ondřej', 'Barbora', 'Lukáš', 'Klára'],
    lastNames: ['Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Marek', 'Pokorný', 'Král', 'Růžička'],
  },
  {
    code: 'SI', locale: 'sl-SI', weight: 8,
    timezones: ['Europe/Ljubljana'],
    firstNames: ['Luka', 'Nika', 'Jan', 'Eva', 'Žiga', 'Maja', 'Matej', 'Ana', 'Rok', 'Špela', 'Nejc', 'Urška', 'Gregor', 'Tjaša'],
    lastNames: ['Novak', 'Horvat', 'Kovačič', 'Krajnc', 'Zupančič', 'Potočnik', 'Kovač', 'Mlakar', 'Kos', 'Vidmar', 'Golob', 'Turk', 'Božič', 'Korošec'],
  },
  {
    code: 'RO', locale: 'ro-RO', weight: 9,
    timezones: ['Europe/Bucharest'],
    firstNames: ['Andrei', 'Maria', 'Alexandru', 'Elena', 'Mihai', 'Ioana', 'Ștefan', 'Andreea', 'Radu', 'Cristina', 'Vlad', 'Alexandra', 'Bogdan', 'Raluca'],
    lastNames: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Constantin', 'Marin', 'Dinu', 'Tudor', 'Barbu'],
  },
  {
    code: 'DE', locale: 'de-DE', weight: 10,
    timezones: ['Europe/Berlin'],
    firstNames: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Hannah', 'Maximilian', 'Laura', 'Paul', 'Julia', 'Leon', 'Katharina', 'Tobias', 'Sophie'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'],
  },
  {
    code: 'AU', locale: 'en-AU', weight: 5,
    timezones: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Perth'],
    firstNames: ['Jack', 'Charlotte', 'Noah', 'Mia', 'Cooper', 'Zoe', 'Lachlan', 'Matilda', 'Riley', 'Ruby'],
    lastNames: ['Nguyen', 'Kelly', 'Ryan', 'Murphy', 'Campbell', 'Mitchell', 'Stewart', 'Murray', 'Robertson', 'Fraser'],
  },
];

export interface Industry {
  name: string;
  /** Second words of company names in this industry. */
  suffixes: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: 'Software', suffixes: ['Labs', 'Software', 'Systems', 'Technologies', 'Digital', 'Cloud'] },
  { name: 'Financial Services', suffixes: ['Capital', 'Finance', 'Payments', 'Bank', 'Insurance', 'Partners'] },
  { name: 'Healthcare', suffixes: ['Health', 'Care', 'Clinics', 'Medical', 'Diagnostics', 'Pharma'] },
  { name: 'Retail', suffixes: ['Retail', 'Stores', 'Goods', 'Market', 'Outfitters', 'Supply'] },
  { name: 'Manufacturing', suffixes: ['Industries', 'Manufacturing', 'Works', 'Components', 'Machinery', 'Metals'] },
  { name: 'Logistics', suffixes: ['Logistics', 'Freight', 'Shipping', 'Transport', 'Cargo', 'Lines'] },
  { name: 'Education', suffixes: ['Learning', 'Academy', 'Education', 'Schools', 'Institute', 'Tutors'] },
  { name: 'Media', suffixes: ['Media', 'Studios', 'Publishing', 'Broadcasting', 'Press', 'Creative'] },
  { name: 'Energy', suffixes: ['Energy', 'Power', 'Renewables', 'Solar', 'Grid', 'Utilities'] },
  { name: 'Hospitality', suffixes: ['Hotels', 'Hospitality', 'Travel', 'Resorts', 'Kitchens', 'Events'] },
  { name: 'Professional Services', suffixes: ['Consulting', 'Advisors', 'Group', 'Associates', 'Legal', 'Partners'] },
  { name: 'Real Estate', suffixes: ['Properties', 'Realty', 'Estates', 'Homes', 'Buildings', 'Spaces'] },
];

/** First words of company names; combined with an industry's suffixes. */
export const COMPANY_WORDS: readonly string[] = [
  'Northwind', 'Fjordlight', 'Bluepeak', 'Granite', 'Vltava', 'Triglav', 'Carpathia', 'Silverline', 'Oakridge', 'Brightwater',
  'Nordkapp', 'Meridian', 'Harbor', 'Evergreen', 'Polaris', 'Lumen', 'Cobalt', 'Aurora', 'Redwood', 'Sterling',
  'Bohemia', 'Danube', 'Alpine', 'Copperfield', 'Westbrook', 'Ironbridge', 'Skylark', 'Tidewater', 'Foxglove', 'Hawthorn',
  'Lindqvist', 'Kestrel', 'Juniper', 'Pinecrest', 'Stonegate', 'Riverside', 'Moravia', 'Bled', 'Soča', 'Transylvania',
  'Kvarner', 'Lofoten', 'Trondheim', 'Brno', 'Cluj', 'Piran', 'Bergen', 'Hudson', 'Cascade', 'Summit',
  'Beacon', 'Compass', 'Anchor', 'Horizon', 'Keystone', 'Pioneer', 'Vantage', 'Zenith', 'Atlas', 'Orbit',
  'Mosaic', 'Prism', 'Quartz', 'Saffron', 'Tundra', 'Vireo', 'Willow', 'Yarrow', 'Aspen', 'Birch',
];

export const TITLES = {
  leader: ['CEO', 'COO', 'VP Operations', 'Head of Sales', 'CTO', 'Managing Director', 'VP Marketing', 'Chief Revenue Officer'],
  admin: ['Operations Manager', 'IT Administrator', 'Analytics Lead', 'Product Manager', 'Finance Manager', 'RevOps Manager'],
  user: ['Data Analyst', 'Account Executive', 'Marketing Specialist', 'Customer Success Manager', 'Engineer', 'Project Coordinator', 'Sales Representative', 'Business Analyst', 'Support Specialist', 'Designer'],
} as const;

/** Our own customer success team: they own the bigger accounts. */
export const CSMS: readonly { name: string; email: string }[] = [
  { name: 'Sara Lindqvist', email: 'sara.lindqvist@quillbase.example' },
  { name: 'Marko Petrič', email: 'marko.petric@quillbase.example' },
  { name: 'Jana Horáková', email: 'jana.horakova@quillbase.example' },
  { name: 'Tom Becker', email: 'tom.becker@quillbase.example' },
  { name: 'Ioana Vasile', email: 'ioana.vasile@quillbase.example' },
  { name: 'Dan Whitfield', email: 'dan.whitfield@quillbase.example' },
];

/** The product the demo customers use (a fictional analytics SaaS) and its web addresses. */
export const PRODUCT = {
  site: 'https://www.quillbase.example',
  app: 'https://app.quillbase.example',
  marketingPages: [
    { name: 'Home', path: '/' },
    { name: 'Pricing', path: '/pricing' },
    { name: 'Features', path: '/features' },
    { name: 'Customers', path: '/customers' },
    { name: 'Blog', path: '/blog/customer-health-scores' },
    { name: 'Integrations', path: '/integrations' },
  ],
  appPages: [
    { name: 'Home', path: '/home' },
    { name: 'Dashboards', path: '/dashboards' },
    { name: 'Reports', path: '/reports' },
    { name: 'Settings', path: '/settings' },
    { name: 'Team', path: '/settings/team' },
    { name: 'Billing', path: '/settings/billing' },
  ],
  /** Features by the complexity of account that typically uses them. */
  features: {
    low: ['Dashboards', 'Reports', 'CSV Export', 'Email Digest'],
    medium: ['Alerts', 'Segments', 'Scheduled Reports', 'Integrations'],
    high: ['API', 'SSO', 'Workflows', 'Forecasting', 'Data Warehouse Sync', 'Custom Roles'],
  },
  dashboards: ['Revenue', 'Pipeline', 'Product Usage', 'Support Overview', 'Marketing Funnel', 'Executive Summary'],
  reportTypes: ['cohort', 'funnel', 'retention', 'revenue', 'table', 'forecast'],
  ticketSubjects: ['Cannot export report', 'SSO login fails', 'Dashboard is slow', 'Billing question', 'How do I invite my team?', 'Data sync delayed', 'Question about API limits', 'Chart shows wrong totals', 'Request: dark mode', 'Permissions for a new role'],
  chatTopics: ['pricing', 'onboarding', 'bug', 'how-to', 'billing', 'integrations'],
  campaigns: ['Product Newsletter', 'Feature Launch', 'Webinar Invitation', 'Customer Story', 'Tips & Tricks'],
  reviewSites: ['G2', 'Capterra', 'TrustRadius'],
  /** Answers to the sign-up survey's "how did you hear about us", with their weights. */
  acquisitionSources: [['Google search', 5], ['A colleague', 3], ['LinkedIn', 2], ['G2', 2], ['Podcast', 1], ['Conference', 1]] as [string, number][],
} as const;
