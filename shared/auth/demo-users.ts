/**
 * The users of the demo desk. Their PINs are public on purpose: the sign-in screen of a demo desk
 * shows them so anyone can try every role. A production desk never has these users (they are made
 * only by "open the demo", into an empty desk, and marked as demo users). Loaded with the demo,
 * never on the production start path.
 */
import type { UserProfile } from './users';

export interface DemoUser {
  profile: UserProfile;
  pin: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    profile: {
      id: 'officer-1',
      fullName: 'Ахметова Гүлнар Серікқызы',
      role: 'officer',
      position: { kk: 'Білім бөлімінің бас маманы', ru: 'Главный специалист отдела образования' },
    },
    pin: '240611',
  },
  {
    profile: {
      id: 'officer-2',
      fullName: 'Иванова Ольга Петровна',
      role: 'officer',
      position: { kk: 'Білім бөлімінің жетекші маманы', ru: 'Ведущий специалист отдела образования' },
    },
    pin: '240622',
  },
  {
    profile: {
      id: 'head-1',
      fullName: 'Серікбаев Нұрлан Қайратұлы',
      role: 'head',
      position: { kk: 'Аудан әкімінің орынбасары', ru: 'Заместитель акима района' },
    },
    pin: '240633',
  },
  {
    profile: {
      id: 'admin',
      fullName: 'Жұмабекова Айгерім Талғатқызы',
      role: 'admin',
      position: { kk: 'Ақпараттық технологиялар маманы', ru: 'Специалист по информационным технологиям' },
    },
    pin: '240644',
  },
];
