import { DEFAULT_OFFICE_HOURS } from '../calendar/calendar';
import { DEFAULT_LOCK_MINUTES, type Settings } from './schema';

/** 20 MiB: a scanned multi-page PDF fits, a video attached by mistake does not. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The embedded demo installation: a district akimat, so the application cites paragraph 4,
 * sub-paragraph 21-3, and its education department issuing the documents. Names and numbers are
 * invented (the BINs pass the checksum but belong to no one; the e-mail domain is reserved for
 * examples); an akimat replaces all of it in the settings before real work.
 */
export const DEMO_SETTINGS: Readonly<Settings> = deepFreeze({
  akimat: {
    level: 'district',
    name: {
      kk: 'Ақмола облысы Бурабай ауданының әкімдігі',
      ru: 'Акимат Бурабайского района Акмолинской области',
    },
    address: {
      kk: 'Ақмола облысы, Бурабай ауданы, Щучинск қаласы, Абылай хан көшесі, 38',
      ru: 'Акмолинская область, Бурабайский район, город Щучинск, улица Абылай хана, 38',
    },
    bin: '990340003217',
  },
  // In practice the district's education department provides the service for the akimat and
  // issues the order (a бұйрық of its head); the head of the akimat's side agrees it (paragraph 23).
  issuer: {
    kind: 'education-department',
    name: {
      kk: 'Бурабай ауданының білім бөлімі',
      ru: 'Отдел образования Бурабайского района',
    },
    address: {
      kk: 'Ақмола облысы, Бурабай ауданы, Щучинск қаласы, Абылай хан көшесі, 40',
      ru: 'Акмолинская область, Бурабайский район, город Щучинск, улица Абылай хана, 40',
    },
    bin: '990440001234',
    phone: '8 (71636) 4-12-35',
    email: 'bilim@burabay.example.kz',
    signatory: {
      name: { kk: 'Жұмабаева Сәуле Маратқызы', ru: 'Жумабаева Сауле Маратовна' },
    },
  },
  head: {
    name: { kk: 'Серікбаев Нұрлан Қайратұлы', ru: 'Серикбаев Нурлан Кайратович' },
    position: { kk: 'Аудан әкімінің орынбасары', ru: 'Заместитель акима района' },
  },
  officeHours: { ...DEFAULT_OFFICE_HOURS },
  language: 'kk',
  maxAttachmentBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
  lockAfterMinutes: DEFAULT_LOCK_MINUTES,
} satisfies Settings);

// Frozen all the way down: a screen that edits a copy of the defaults must never edit the defaults.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
