/**
 * Every word the explorer shows, in one place: English and Russian (the flagship case is taught in
 * Kazakhstan), with a Kazakh welcome. The interface strings, the information page of each model, and
 * Russian names of the built-in models' metrics, charts, levers and units (the English ones come from
 * the models themselves). Descriptions of levers and parameters, scenario titles and event labels are
 * the models' and scenarios' own English text.
 *
 * `{name}` in a string is filled in by `format`. Everything here is put into the page as text, never as
 * markup.
 */
import type { Lang } from './urlState.ts';

const en = {
  appTitle: 'civsim explorer',
  tagline: 'An agent-based laboratory for civil-society policy, running in your browser.',
  skipToControls: 'Skip to the controls',
  language: 'Language',
  navExplore: 'Explore',
  navAbout: 'About this model',
  scenario: 'Scenario',
  scenarioGroupPolicy: 'Countries and policies',
  scenarioGroupClassics: 'Classic models',
  scenarioGroupUploaded: 'Your file',
  upload: 'Open a scenario file…',
  uploadHint: 'A YAML or JSON scenario from your computer. It is checked like any file and runs only here.',
  uploadedAs: 'Your file: {name}',
  seed: 'Seed',
  seedHint: 'The master seed: the same seed gives the same run.',
  replicates: 'Replicates',
  replicatesHint: 'Runs with different random draws; the bands show how sure the mean is.',
  scale: 'Sample',
  scaleHint: 'Share of the scenario’s simulated population: smaller runs faster, noisier.',
  scaleOption: '{percent}% ({size})',
  compare: 'Compare two policies side by side',
  compareHint:
    'Policy B starts as policy A; change its levers. Both run with the same random draws, so differences are the policy’s.',
  policyA: 'Policy A',
  policyB: 'Policy B',
  levers: 'Policy levers',
  leversHint: 'A changed lever holds its value for the whole run.',
  settings: 'Other settings',
  settingsHint: 'Population, rules and parameters of the model: change with care.',
  resetValue: 'Reset {name}',
  resetAll: 'Reset all changes',
  changed: 'changed',
  range: 'From {min} to {max}',
  rangeMin: 'At least {min}',
  rangeMax: 'At most {max}',
  defaultValue: 'Default: {value}',
  scenarioValue: 'In the scenario: {value}',
  unit: 'Unit: {unit}',
  sources: 'Sources: {sources}',
  evidence: 'Evidence: {tags}',
  evidenceV: 'V — the value is in a source',
  evidenceA: 'A — a modelling assumption',
  evidenceM: 'M — widely cited, not re-verified',
  timelineHolds:
    'The timeline changes this lever {n} times; your value holds for the whole run and those changes are dropped.',
  timelineChanges: 'The scenario’s timeline changes this lever {n} times.',
  describe: 'About {name}',
  play: 'Play',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  speed: 'Speed',
  speedSlow: 'Slow',
  speedNormal: 'Normal',
  speedFast: 'Fast',
  speedMax: 'As fast as possible',
  statusReady: 'Ready: press Play.',
  statusRunning: 'Running…',
  statusPaused: 'Paused.',
  statusFinished: 'Finished.',
  statusPreparing: 'Building the population…',
  progress: '{label} — {done} of {total}',
  progressStep: 'Step {label} — {done} of {total}',
  workers: 'Running {replicates} replicates in {n} Web Workers.',
  noWorkers: 'Web Workers cannot start here (is the page opened from a file?): running in the page.',
  problemsScenario: 'This scenario cannot be used:',
  problemsLink: 'Some parts of the link were ignored:',
  problemsChanges: 'Some changes were not applied:',
  problemsRun: 'The run stopped:',
  charts: 'Charts',
  chooseCharts: 'Charts shown',
  chartRuns: '{title} · {replicates} replicates, seed {seed}',
  chartRunsOne: '{title} · 1 replicate, seed {seed}',
  readingBands: 'lines: mean of the replicates · bands: 95% confidence interval of the mean',
  readingOne: 'one replicate (no interval)',
  readingArea: 'stacked means of the replicates',
  periodMonthly: 'monthly',
  periodAnnual: 'per year (complete years so far)',
  periodStep: 'per step',
  tooltipMetric: 'Metric',
  tooltipMean: 'Mean',
  tooltipFrom: '95% CI from',
  tooltipTo: '95% CI to',
  tooltipMonth: 'Month',
  tooltipYear: 'Year',
  tooltipStep: 'Step',
  tooltipEvent: 'Event',
  tooltipWhat: 'What',
  tooltipDate: 'Date',
  tooltipChanges: 'Changes',
  tooltipSource: 'Source',
  chartActions: 'Save this chart (SVG or PNG)',
  differences: 'Policy B − policy A at {label}',
  differencesHint:
    'Replicate by replicate (the two policies share their random draws), mean difference with its 95% interval.',
  differenceMetric: 'Metric',
  differenceMean: 'B − A',
  differenceInterval: '95% interval',
  differenceNone: 'no difference yet',
  grid: 'The grid now',
  gridCaption: 'Replicate 0 after step {tick}',
  gridLabel: 'The grid of replicate 0 after step {tick}: {counts}.',
  downloads: 'Take it with you',
  downloadCsv: 'Download the data (CSV)',
  downloadScenario: 'Download the scenario (YAML)',
  copyLink: 'Copy a link to this view',
  linkCopied: 'Link copied. It opens this scenario, these changes and this seed.',
  linkShown: 'The link is in the address bar: copy it from there.',
  linkTooLong:
    'Your file is too large to travel in a link: download the scenario and share the file instead. The link keeps everything else.',
  aboutWhat: 'What it is',
  aboutHow: 'How it works',
  aboutTry: 'Things to try',
  aboutSources: 'Sources',
  aboutOdd: 'The full description (ODD protocol) is in the civsim repository: {path}.',
  aboutMetrics: 'What it measures',
  footer:
    'Everything runs in this browser, on the same engine and model code as the civsim command line. Nothing is sent anywhere.',
  close: 'Close',
  loading: 'Loading…',
  noScenario: 'There is no scenario named {name}.',
  scenarioChanged: 'Opened {name}.',
  yes: 'yes',
  no: 'no',
};

/** The keys every language has. */
export type StringKey = keyof typeof en;

const ru: Record<StringKey, string> = {
  appTitle: 'civsim: исследователь моделей',
  tagline: 'Агентная лаборатория политики в отношении гражданского общества — прямо в браузере.',
  skipToControls: 'Перейти к настройкам',
  language: 'Язык',
  navExplore: 'Исследовать',
  navAbout: 'О модели',
  scenario: 'Сценарий',
  scenarioGroupPolicy: 'Страны и политика',
  scenarioGroupClassics: 'Классические модели',
  scenarioGroupUploaded: 'Ваш файл',
  upload: 'Открыть файл сценария…',
  uploadHint:
    'Сценарий в формате YAML или JSON с вашего компьютера. Он проверяется, как любой файл, и запускается только здесь.',
  uploadedAs: 'Ваш файл: {name}',
  seed: 'Зерно',
  seedHint: 'Главное зерно генератора случайных чисел: одно и то же зерно даёт тот же прогон.',
  replicates: 'Повторы',
  replicatesHint: 'Прогоны с разными случайными числами; полосы показывают, насколько точно среднее.',
  scale: 'Выборка',
  scaleHint: 'Доля моделируемого населения сценария: меньше — быстрее, но шумнее.',
  scaleOption: '{percent}% ({size})',
  compare: 'Сравнить две политики рядом',
  compareHint:
    'Политика Б сначала совпадает с политикой А; измените её рычаги. Обе идут с одними и теми же случайными числами, поэтому различия — это эффект политики.',
  policyA: 'Политика А',
  policyB: 'Политика Б',
  levers: 'Рычаги политики',
  leversHint: 'Изменённый рычаг сохраняет своё значение весь прогон.',
  settings: 'Прочие настройки',
  settingsHint: 'Население, правила и параметры модели: меняйте осторожно.',
  resetValue: 'Вернуть {name}',
  resetAll: 'Отменить все изменения',
  changed: 'изменено',
  range: 'От {min} до {max}',
  rangeMin: 'Не меньше {min}',
  rangeMax: 'Не больше {max}',
  defaultValue: 'По умолчанию: {value}',
  scenarioValue: 'В сценарии: {value}',
  unit: 'Единица: {unit}',
  sources: 'Источники: {sources}',
  evidence: 'Обоснование: {tags}',
  evidenceV: 'V — значение взято из источника',
  evidenceA: 'A — допущение модели',
  evidenceM: 'M — часто цитируется, не перепроверено',
  timelineHolds:
    'Хронология сценария меняет этот рычаг {n} раз; ваше значение действует весь прогон, а эти изменения отбрасываются.',
  timelineChanges: 'Хронология сценария меняет этот рычаг {n} раз.',
  describe: 'Что такое «{name}»',
  play: 'Пуск',
  pause: 'Пауза',
  step: 'Шаг',
  reset: 'Сброс',
  speed: 'Скорость',
  speedSlow: 'Медленно',
  speedNormal: 'Обычно',
  speedFast: 'Быстро',
  speedMax: 'Как можно быстрее',
  statusReady: 'Готово: нажмите «Пуск».',
  statusRunning: 'Идёт прогон…',
  statusPaused: 'Пауза.',
  statusFinished: 'Прогон завершён.',
  statusPreparing: 'Создаётся население…',
  progress: '{label} — {done} из {total}',
  progressStep: 'Шаг {label} — {done} из {total}',
  workers: '{replicates} повторов идут в {n} фоновых потоках (Web Workers).',
  noWorkers:
    'Фоновые потоки (Web Workers) здесь не запускаются (страница открыта из файла?): расчёт идёт в самой странице.',
  problemsScenario: 'Этот сценарий нельзя использовать:',
  problemsLink: 'Часть ссылки пропущена:',
  problemsChanges: 'Некоторые изменения не применены:',
  problemsRun: 'Прогон остановлен:',
  charts: 'Графики',
  chooseCharts: 'Показывать графики',
  chartRuns: '{title} · повторов: {replicates}, зерно {seed}',
  chartRunsOne: '{title} · 1 повтор, зерно {seed}',
  readingBands: 'линии: среднее по повторам · полосы: 95%-й доверительный интервал среднего',
  readingOne: 'один повтор (без интервала)',
  readingArea: 'средние по повторам, друг над другом',
  periodMonthly: 'по месяцам',
  periodAnnual: 'по годам (завершённые годы)',
  periodStep: 'по шагам',
  tooltipMetric: 'Показатель',
  tooltipMean: 'Среднее',
  tooltipFrom: '95% ДИ от',
  tooltipTo: '95% ДИ до',
  tooltipMonth: 'Месяц',
  tooltipYear: 'Год',
  tooltipStep: 'Шаг',
  tooltipEvent: 'Событие',
  tooltipWhat: 'Что',
  tooltipDate: 'Дата',
  tooltipChanges: 'Изменения',
  tooltipSource: 'Источник',
  chartActions: 'Сохранить график (SVG или PNG)',
  differences: 'Политика Б − политика А: {label}',
  differencesHint:
    'Повтор за повтором (у двух политик общие случайные числа): средняя разница и её 95%-й интервал.',
  differenceMetric: 'Показатель',
  differenceMean: 'Б − А',
  differenceInterval: '95%-й интервал',
  differenceNone: 'пока нет разницы',
  grid: 'Решётка сейчас',
  gridCaption: 'Повтор 0 после шага {tick}',
  gridLabel: 'Решётка повтора 0 после шага {tick}: {counts}.',
  downloads: 'Сохранить',
  downloadCsv: 'Скачать данные (CSV)',
  downloadScenario: 'Скачать сценарий (YAML)',
  copyLink: 'Скопировать ссылку на этот вид',
  linkCopied: 'Ссылка скопирована. Она открывает этот сценарий, эти изменения и это зерно.',
  linkShown: 'Ссылка — в адресной строке: скопируйте её оттуда.',
  linkTooLong:
    'Ваш файл слишком велик для ссылки: скачайте сценарий и передайте файл. Всё остальное ссылка сохраняет.',
  aboutWhat: 'Что это',
  aboutHow: 'Как это работает',
  aboutTry: 'Что попробовать',
  aboutSources: 'Источники',
  aboutOdd: 'Полное описание (протокол ODD) — в репозитории civsim: {path}.',
  aboutMetrics: 'Что измеряется',
  footer:
    'Всё считается в этом браузере, тем же движком и кодом моделей, что и в командной строке civsim. Никакие данные никуда не отправляются.',
  close: 'Закрыть',
  loading: 'Загрузка…',
  noScenario: 'Сценария с именем {name} нет.',
  scenarioChanged: 'Открыт сценарий {name}.',
  yes: 'да',
  no: 'нет',
};

export const strings: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { en, ru };

/** The Kazakh welcome line (shown in both languages, marked lang="kk"). */
export const kazakhWelcome = 'Қош келдіңіз! Саясатты өзгертіп, азаматтық қоғамның қалай өзгеретінін көріңіз.';

/** A string with its `{name}` places filled in (unknown places stay as they are). */
export function format(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** The string `key` in `lang`, filled in. */
export function say(lang: Lang, key: StringKey, values?: Readonly<Record<string, string | number>>): string {
  return format(strings[lang][key], values);
}

// --- the models' own words in Russian ---------------------------------------------------------------

/** Russian names of the built-in models' metrics (by model id and metric id). */
export const metricNamesRu: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'civil-society': {
    registered_ngos: 'Зарегистрированные НКО',
    active_ngos: 'Действующие НКО',
    dormant_ngos: 'Бездействующие НКО',
    registered_per_10k: 'Зарегистрированные НКО на 10 000',
    active_per_10k: 'Действующие НКО на 10 000',
    dormant_per_10k: 'Бездействующие НКО на 10 000',
    informal_groups: 'Незарегистрированные группы',
    foundings: 'Создано',
    dissolutions: 'Самоликвидировались',
    closures: 'Закрыто',
    funding_social_order: 'Государственный социальный заказ',
    funding_grants: 'Государственные гранты',
    funding_foreign: 'Иностранные доноры',
    funding_donations: 'Частные пожертвования',
    funding_fees: 'Членские взносы',
    funding_corporate: 'Корпоративная благотворительность',
    funding_total: 'Все доходы НКО',
    fundraising: 'Расходы на сбор средств',
    state_funding_share: 'Доля государства в доходах НКО',
    revenue_hhi: 'Концентрация доходов (HHI)',
    budget_gini: 'Джини бюджетов НКО',
    state_money_gini: 'Джини государственных денег',
    advocacy_state_money_share: 'Доля адвокации в государственных деньгах',
    autonomy_independent: 'Автономия независимых НКО',
    advocacy_share: 'Доля правозащитных НКО',
    gongo_share: 'Доля созданных государством НКО',
    umbrella_membership: 'Членство в зонтичных организациях',
    volunteering_rate: 'Волонтёрство',
    independent_volunteering: 'Волонтёрство в независимых группах',
    membership_rate: 'Членство',
    donor_rate: 'Жертвователи',
    trust: 'Доверие к НКО',
    legitimacy: 'Воспринимаемая легитимность государства',
    sanctions: 'Санкции',
    protest_rate: 'Протест',
    arrests: 'Аресты',
    repression_effective: 'Действующие репрессии',
    state_threat: 'Угроза, которую видит государство',
    advocacy_output: 'Независимая адвокация',
    council_influence: 'Влияние советов',
    consultation_score: 'Консультации',
    csi_legal: 'CSI: правовая среда',
    csi_capacity: 'CSI: организационный потенциал',
    csi_financial: 'CSI: финансовая устойчивость',
    csi_advocacy: 'CSI: адвокация',
    csi_service: 'CSI: оказание услуг',
    csi_infrastructure: 'CSI: инфраструктура',
    csi_image: 'CSI: общественный имидж',
    csi_overall: 'CSI: в целом',
    civic_entry_exit: 'Гражданское пространство: вход и выход',
    civic_freedom: 'Гражданское пространство: свобода от репрессий',
    civic_participation: 'Гражданское пространство: среда участия',
    civic_space: 'Индекс гражданского пространства',
  },
  threshold: { participation: 'Действуют', joined: 'Присоединились', left: 'Ушли', instigators: 'Зачинщики' },
  schelling: {
    happy: 'Довольны',
    segregation: 'Сегрегация',
    moved: 'Переехали',
    households: 'Домохозяйства',
  },
  epstein: {
    active: 'Активные бунтари',
    quiet: 'Спокойные',
    jailed: 'В тюрьме',
    arrests: 'Аресты',
    legitimacy: 'Легитимность',
  },
};

/** Russian chart titles of the built-in models (by model id and chart id). */
export const chartTitlesRu: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'civil-society': {
    'ngo-counts': 'НКО в реестре',
    'ngo-density': 'НКО на 10 000 жителей',
    'foundings-dissolutions': 'Создание и ликвидация НКО за год',
    'funding-sources': 'Доходы НКО по источникам за год',
    'funding-dependence': 'Зависимость от государства и концентрация денег',
    autonomy: 'Автономия, адвокация и гражданское пространство',
    citizens: 'Граждане: участие, доверие и легитимность',
    csi: 'Измерения индекса устойчивости НКО (CSI)',
    consultation: 'Консультации с независимыми НКО',
    state: 'Государство: угроза, репрессии и протест',
  },
  threshold: { participation: 'Кто действует, шаг за шагом', flows: 'Присоединяются и уходят' },
  schelling: { sorting: 'Сортировка и удовлетворённость', moves: 'Переезды домохозяйств' },
  epstein: { street: 'Бунтари, спокойные и заключённые', outbursts: 'Вспышки и легитимность' },
};

/** Russian names of the parts of lever paths (`ministries`, `socialOrder`…). */
export const leverWordsRu: Readonly<Record<string, string>> = {
  // civil-society
  ministries: 'Министерства',
  akimats: 'Акиматы',
  socialOrder: 'государственный социальный заказ',
  grants: 'гранты',
  thematic: 'доля заказа на социальные услуги',
  loyaltyWeight: 'вес лояльности',
  councilSeats: 'места в общественных советах',
  inspectionRate: 'частота проверок',
  registration: 'Регистрация',
  cost: 'стоимость',
  rejectionRate: 'доля отказов',
  reporting: 'Отчётность',
  burden: 'нагрузка',
  auditRate: 'частота аудита реестра',
  targeting: 'избирательность',
  gongos: 'ГОНГО (созданные государством НКО)',
  foundingRate: 'темп создания',
  infrastructure: 'Инфраструктура',
  resourceCentres: 'ресурсные центры',
  umbrella: 'Зонтичные организации',
  support: 'сила',
  stateAligned: 'близость к государству',
  regranting: 'перераспределение грантов',
  tax: 'Налоги',
  donationCredit: 'льгота на пожертвования граждан',
  corporateDeduction: 'вычет на пожертвования компаний',
  grantExemption: 'гранты без налога',
  corporate: 'Компании',
  budget: 'бюджет',
  foreign: 'Иностранные доноры',
  advocacyPriority: 'приоритет адвокации',
  regime: 'режим иностранного финансирования',
  stigma: 'стигма',
  repression: 'Репрессии',
  level: 'уровень',
  responsiveness: 'ответ государства на угрозу',
  legitimacy: 'Легитимность',
  // threshold
  thresholdShift: 'Сдвиг порогов',
  instigators: 'Зачинщики',
  // schelling
  homophily: 'Гомофилия',
  minSimilar: 'Минимум похожих соседей',
  // epstein
  maxJailTerm: 'Наибольший срок заключения',
};

/** Russian names of the cells of spatial models' grids (their English labels, as the models give them). */
export const cellWordsRu: Readonly<Record<string, string>> = {
  Empty: 'Пусто',
  'Majority household (type 0)': 'Домохозяйство большинства (тип 0)',
  'Minority household (type 1)': 'Домохозяйство меньшинства (тип 1)',
  'Jailed citizen': 'Гражданин в тюрьме',
  'Quiet citizen': 'Спокойный гражданин',
  'Active citizen': 'Активный гражданин',
  Cop: 'Полицейский',
};

/** Russian names of the sections of a scenario (legends of the settings). */
export const sectionWordsRu: Readonly<Record<string, string>> = {
  population: 'Население',
  grid: 'Решётка',
  rule: 'Правило',
  parameters: 'Параметры',
  initial: 'Начальное состояние',
};

/** Russian names of choices (enum values). */
export const choiceWordsRu: Readonly<Record<string, string>> = {
  none: 'нет',
  disclosure: 'раскрытие',
  approval: 'разрешение',
  prohibition: 'запрет',
};

/**
 * Russian for the words of units and axis titles, longest first when applied (`organisations/month`
 * before `organisations`). Currency codes (USD, KZT) stay.
 */
export const unitWordsRu: readonly (readonly [string, string])[] = [
  ['score from 1 (best, at top) to 7 (worst)', 'балл от 1 (лучший, вверху) до 7 (худший)'],
  ['score 1 (best)–7', 'балл 1 (лучший)–7'],
  ['score 1–7', 'балл 1–7'],
  ['projects per 10,000 citizens', 'проектов на 10 000 жителей'],
  ['per 10,000 citizens', 'на 10 000 жителей'],
  ['per million citizens', 'на миллион жителей'],
  ['per NGO per year', 'на НКО в год'],
  ['share of households', 'доля домохозяйств'],
  ['share of neighbours', 'доля соседей'],
  ['share of citizens', 'доля граждан'],
  ['share of agents', 'доля агентов'],
  ['organisations', 'организаций'],
  ['households', 'домохозяйств'],
  ['sanctions', 'санкций'],
  ['citizens', 'граждан'],
  ['people', 'человек'],
  ['currency', 'валюта'],
  ['million', 'млн'],
  ['index 0–1', 'индекс 0–1'],
  ['share', 'доля'],
  ['/month', '/мес.'],
  ['/year', '/год'],
];

/** A unit or axis title in Russian (the English text when a word is not known). */
export function unitRu(text: string): string {
  let out = text;
  for (const [from, to] of unitWordsRu) out = out.split(from).join(to);
  return out;
}

// --- the information page of each model --------------------------------------------------------------

export interface ModelGuide {
  what: string;
  how: readonly string[];
  try: readonly string[];
  sources: readonly string[];
}

/** Sources are the same in both languages (references are cited as published). */
const sources = {
  'civil-society': [
    'Diachenko, S. (2007). The government and NGOs in Kazakhstan: strategy, forms, and mechanisms of cooperation. Central Asia and the Caucasus.',
    'Verba, S., Schlozman, K. L. & Brady, H. E. (1995). Voice and Equality: Civic Voluntarism in American Politics. Harvard University Press.',
    'Granovetter, M. (1978). Threshold models of collective behavior. American Journal of Sociology 83(6), 1420–1443.',
    'Hannan, M. T. & Freeman, J. (1989). Organizational Ecology. Harvard University Press.',
    'Epstein, J. M. (2002). Modeling civil violence: an agent-based computational approach. PNAS 99(suppl. 3), 7243–7250.',
    'Dupuy, K. & Prakash, A. (2018). Do donors reduce bilateral aid to countries with restrictive NGO laws? Nonprofit and Voluntary Sector Quarterly 47(1), 89–106.',
    'Skokova, Y., Pape, U. & Krasnopolskaya, I. (2018). The non-profit sector in today’s Russia: between confrontation and co-optation. Europe-Asia Studies 70(4), 531–563.',
    'USAID (2023). 2022 Civil Society Organization Sustainability Index for Central and Eastern Europe and Eurasia.',
    'Coppedge, M. et al. (2024). V-Dem Codebook v14. Varieties of Democracy Project.',
  ],
  threshold: [
    'Granovetter, M. (1978). Threshold models of collective behavior. American Journal of Sociology 83(6), 1420–1443.',
    'Watts, D. J. (2002). A simple model of global cascades on random networks. PNAS 99(9), 5766–5771.',
    'Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of ‘small-world’ networks. Nature 393, 440–442.',
  ],
  schelling: [
    'Schelling, T. C. (1971). Dynamic models of segregation. Journal of Mathematical Sociology 1(2), 143–186.',
    'Schelling, T. C. (1978). Micromotives and Macrobehavior. Norton.',
    'Mesa 3.3.1, examples/basic/schelling (the rule “mesa”).',
    'JuliaDynamics/ABMFrameworksComparison, Schelling (the rule “abmfc”).',
  ],
  epstein: [
    'Epstein, J. M. (2002). Modeling civil violence: an agent-based computational approach. PNAS 99(suppl. 3), 7243–7250.',
    'Wilensky, U. (2004). NetLogo Rebellion model. CCL, Northwestern University.',
    'Kuran, T. (1989). Sparks and prairie fires: a theory of unanticipated political revolution. Public Choice 61, 41–74.',
    'Mesa 3.3.1, examples/advanced/epstein_civil_violence (the rule “mesa”).',
  ],
} as const;

export const guides: Readonly<Record<string, Readonly<Record<Lang, ModelGuide>>>> = {
  'civil-society': {
    en: {
      what: 'What happens to a country’s NGO sector over decades when the state contracts NGOs for social services, funds them by merit or by loyalty, consults them, creates its own, restricts foreign money or represses. Citizens, NGOs, ministries and akimats, and foreign donors are agents whose rules come from the literature; a scenario’s dated timeline sets the state’s policy month by month.',
      how: [
        'Every month each citizen decides whether to volunteer, join, give or protest: resources, engagement and being asked (civic voluntarism), plus a threshold — people act once enough of their contacts act.',
        'NGOs are founded, grow, drift and close as organisational ecology describes: foundings depend on how many NGOs there already are and on the cost of starting one; young and small organisations close more often.',
        'Ministries and akimats tender state social order and grants, by merit or by loyalty; state-created NGOs (GONGOs) compete for the same money and seats on public councils.',
        'Foreign donors fund advocacy and services and pull back when the rules on foreign money tighten; companies give, more so with tax incentives.',
        'The state reads a threat from independent advocacy, foreign money and protest and answers with inspections, sanctions and repression; protest follows Epstein’s grievance rule.',
        'The model records NGO counts, revenue by source, autonomy, participation, trust, a civic-space index and scores like the CSO Sustainability Index.',
      ],
      try: [
        'Open “Kazakhstan 1991-2025” and watch NGO revenue by source: foreign donors lead in the 1990s, state social order takes over after 2005 (the dashed markers are the timeline’s events).',
        'Raise “Ministries: loyalty weight” to 1. Who wins the state’s money now, and what happens to the autonomy of independent NGOs?',
        'Turn on the side-by-side mode and set the foreign-funding regime of policy B to “prohibition”: how much independent advocacy is lost, and does state money make up for it?',
        'Raise the repression level. Does protest fall? Does trust in NGOs follow?',
        'Compare two futures to 2050: “Merit partnership” and “Co-optation” extend the Kazakhstan scenario.',
      ],
      sources: sources['civil-society'],
    },
    ru: {
      what: 'Что происходит с сектором НКО страны за десятилетия, если государство заказывает у НКО социальные услуги, финансирует их по заслугам или за лояльность, советуется с ними, создаёт собственные «НКО», ограничивает иностранные деньги или прибегает к репрессиям. Граждане, НКО, министерства и акиматы, иностранные доноры — агенты, правила которых взяты из научной литературы; хронология сценария задаёт политику государства месяц за месяцем.',
      how: [
        'Каждый месяц каждый гражданин решает, стать ли волонтёром, вступить ли в организацию, пожертвовать ли или выйти на протест: ресурсы, вовлечённость и приглашение к участию (гражданский волюнтаризм) плюс порог — человек действует, когда действуют достаточно его знакомых.',
        'НКО создаются, растут, меняют курс и закрываются по законам организационной экологии: число новых зависит от того, сколько НКО уже есть и сколько стоит открыть новую; молодые и маленькие организации закрываются чаще.',
        'Министерства и акиматы проводят конкурсы государственного социального заказа и грантов — по заслугам или по лояльности; созданные государством НКО (ГОНГО) борются за те же деньги и места в общественных советах.',
        'Иностранные доноры финансируют адвокацию и услуги и уходят, когда правила для иностранных денег ужесточаются; компании жертвуют, охотнее — при налоговых льготах.',
        'Государство видит угрозу в независимой адвокации, иностранных деньгах и протестах и отвечает проверками, санкциями и репрессиями; протест подчиняется правилу недовольства Эпштейна.',
        'Модель записывает число НКО, доходы по источникам, автономию, участие, доверие, индекс гражданского пространства и оценки в духе индекса устойчивости НКО (CSI).',
      ],
      try: [
        'Откройте «Kazakhstan 1991-2025» и следите за доходами НКО по источникам: в 1990-е лидируют иностранные доноры, после 2005 года их место занимает государственный социальный заказ (пунктирные отметки — события хронологии).',
        'Поднимите «Министерства: вес лояльности» до 1. Кто теперь получает государственные деньги и что происходит с автономией независимых НКО?',
        'Включите сравнение двух политик и задайте политике Б режим иностранного финансирования «запрет»: сколько независимой адвокации теряется и восполняют ли это государственные деньги?',
        'Поднимите уровень репрессий. Снижается ли протест? А доверие к НКО?',
        'Сравните два будущих до 2050 года: «Merit partnership» и «Co-optation» продолжают казахстанский сценарий.',
      ],
      sources: sources['civil-society'],
    },
  },
  threshold: {
    en: {
      what: 'Granovetter’s crowd: each person joins a riot, a strike or a protest once the share of others already acting reaches their own threshold. The same average disposition can give a riot or nothing: it depends on the spread of thresholds.',
      how: [
        'Every agent has a threshold between 0 and 1, drawn from a distribution (normal, uniform, or evenly spaced).',
        'Each step every agent compares the share of others acting — in the whole crowd, or among its network neighbours — with its threshold, and acts if the share is at least as large.',
        'Instigators act whatever the others do; a threshold shift (fear, a shared grievance) moves every threshold at once.',
      ],
      try: [
        'Open “threshold-riot”: one agent at each threshold brings the next, and the whole crowd acts. Raise the threshold shift a little and watch the cascade stop.',
        'In “threshold-normal”, change the spread of thresholds (other settings: population › thresholds › sd) from 0.1 to 0.15: where does the crowd tip?',
        'Compare a well-mixed crowd with a small-world network (population › network › kind) side by side.',
      ],
      sources: sources.threshold,
    },
    ru: {
      what: 'Толпа Грановеттера: каждый присоединяется к бунту, забастовке или протесту, когда доля уже действующих достигает его собственного порога. Одно и то же среднее настроение может дать и бунт, и ничего — всё решает разброс порогов.',
      how: [
        'У каждого агента свой порог от 0 до 1, взятый из распределения (нормального, равномерного или с равным шагом).',
        'На каждом шаге агент сравнивает долю действующих — во всей толпе или среди соседей по сети — со своим порогом и действует, если доля не меньше порога.',
        'Зачинщики действуют при любом поведении других; сдвиг порогов (страх, общее недовольство) сдвигает все пороги сразу.',
      ],
      try: [
        'Откройте «threshold-riot»: по одному агенту на каждом пороге — каждый увлекает следующего, и действует вся толпа. Чуть поднимите сдвиг порогов и посмотрите, как каскад останавливается.',
        'В «threshold-normal» измените разброс порогов (прочие настройки: population › thresholds › sd) с 0,1 до 0,15: где толпа «переламывается»?',
        'Сравните рядом хорошо перемешанную толпу и сеть «тесного мира» (population › network › kind).',
      ],
      sources: sources.threshold,
    },
  },
  schelling: {
    en: {
      what: 'Schelling’s town: households of two kinds move when too few of their neighbours are like them. Even mild preferences sort a mixed town into near-uniform blocks.',
      how: [
        'Households live on a grid; some cells are empty.',
        'Each step every household counts its neighbours; if the share like itself is below its preference (homophily), it is unhappy and moves to a random empty cell.',
        'The model records the share of happy households, segregation (the mean share of same-kind neighbours) and how many moved.',
      ],
      try: [
        'With homophily 0.3, how segregated does the town become? Nobody asked for a majority of neighbours like themselves.',
        'Raise homophily step by step to 0.8. Segregation grows — until nobody can be satisfied and everyone keeps moving.',
        'Compare two preferences side by side and watch the grid below the charts.',
      ],
      sources: sources.schelling,
    },
    ru: {
      what: 'Город Шеллинга: домохозяйства двух типов переезжают, когда среди соседей слишком мало похожих на них. Даже мягкие предпочтения сортируют смешанный город на почти однородные кварталы.',
      how: [
        'Домохозяйства живут на решётке; часть клеток пуста.',
        'На каждом шаге домохозяйство считает соседей; если доля похожих ниже его предпочтения (гомофилии), оно недовольно и переезжает в случайную пустую клетку.',
        'Модель записывает долю довольных, сегрегацию (среднюю долю соседей своего типа) и число переехавших.',
      ],
      try: [
        'При гомофилии 0,3 насколько сегрегированным становится город? Ведь никто не требовал, чтобы похожих соседей было большинство.',
        'Поднимайте гомофилию шаг за шагом до 0,8. Сегрегация растёт — пока угодить никому не удаётся и все продолжают переезжать.',
        'Сравните два предпочтения рядом и следите за решёткой под графиками.',
      ],
      sources: sources.schelling,
    },
  },
  epstein: {
    en: {
      what: 'Epstein’s civil violence: citizens with private grievances rebel openly when the risk of arrest they see is small enough, and cops jail the rebels they see. Legitimacy, police and jail terms decide between quiet, outbursts and revolt.',
      how: [
        'Each citizen has a hardship and a risk aversion; grievance is hardship × (1 − legitimacy).',
        'A citizen looks around: the more cops and the fewer active rebels in sight, the higher the estimated arrest risk. It rebels when grievance minus the net risk passes a threshold.',
        'Cops arrest a random active rebel in sight; jailed citizens come back after their term.',
      ],
      try: [
        'Compare “a sudden loss of legitimacy” with “a gradual loss”: which brings more people out at the peak, and why?',
        'Lower legitimacy step by step in the NetLogo scenario: when do the quiet spells turn into outbursts?',
        'Shorten the longest jail term: do outbursts come more often?',
      ],
      sources: sources.epstein,
    },
    ru: {
      what: 'Гражданское насилие по Эпштейну: граждане со скрытым недовольством открыто бунтуют, когда видимый риск ареста достаточно мал, а полицейские арестовывают бунтарей, которых видят. Легитимность, полиция и сроки заключения решают: спокойствие, вспышки или восстание.',
      how: [
        'У каждого гражданина есть тяготы и неприятие риска; недовольство — это тяготы × (1 − легитимность).',
        'Гражданин осматривается: чем больше полицейских и меньше активных бунтарей в поле зрения, тем выше оценка риска ареста. Он бунтует, когда недовольство за вычетом риска превышает порог.',
        'Полицейский арестовывает случайного активного бунтаря в поле зрения; заключённые возвращаются по окончании срока.',
      ],
      try: [
        'Сравните «внезапную потерю легитимности» с «постепенной»: что выводит больше людей на пике и почему?',
        'Понижайте легитимность шаг за шагом в сценарии NetLogo: когда периоды затишья сменяются вспышками?',
        'Сократите наибольший срок заключения: вспышки становятся чаще?',
      ],
      sources: sources.epstein,
    },
  },
};
