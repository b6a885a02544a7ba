import { create } from 'zustand';
import type { DeadlineNotice } from './deadlineNotice';

/** The deadline notice on screen, until the person dismisses it or signs out. */
export const useNotice = create<{
  notice: DeadlineNotice | null;
  show: (notice: DeadlineNotice) => void;
  dismiss: () => void;
}>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: null }),
}));
