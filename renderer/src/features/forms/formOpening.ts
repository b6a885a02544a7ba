/**
 * Which form's editor is open on which case: the forms panel opens one, and so may another part of
 * the case screen (the send-for-approval dialog offers the decision's draft). Kept outside the lazy
 * forms chunk, so asking for an editor does not load pdf-lib before the panel draws it.
 */
import { create } from 'zustand';
import type { FormId, FormLanguage } from '../../../../shared/forms';

export interface OpenForm {
  caseId: string;
  form: FormId;
  language: FormLanguage;
}

interface FormOpening {
  open: OpenForm | null;
  request: (open: OpenForm) => void;
  close: () => void;
}

export const useFormOpening = create<FormOpening>((set) => ({
  open: null,
  request: (open) => set({ open }),
  close: () => set({ open: null }),
}));
