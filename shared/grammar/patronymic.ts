/**
 * Kazakh patronymics («Қайратұлы», «Серікқызы», also spelled «Кайратулы», «Сериккызы»): the father's
 * name (ending in a consonant) and «ұлы» / «қызы». The consonant keeps «қаулы» out.
 */
export const KAZAKH_PATRONYMIC = /\p{L}{2}[^аәеёиоөуұүыіэюя\s-](ұлы|улы|қызы|кызы)$/u;

export const FEMALE_PATRONYMIC = /\p{L}{2}[^аәеёиоөуұүыіэюя\s-](қызы|кызы)$/u;

export const MALE_PATRONYMIC = /\p{L}{2}[^аәеёиоөуұүыіэюя\s-](ұлы|улы)$/u;
