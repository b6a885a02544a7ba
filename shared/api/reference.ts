/** Reference data the desk pulls into its own stores: working-day calendar years and form templates. */
import { z } from 'zod';
import { timestampSchema } from '../workflow/schemas';

export const calendarItemSchema = z
  .strictObject({
    year: z.int(),
    version: z.string(),
    publishedAt: timestampSchema,
    /** The year file as resources/calendar/<year>.json holds it; validate with parseCalendarYear. */
    file: z.unknown(),
  })
  .meta({ id: 'CalendarYearItem' });

export const calendarReferenceSchema = z
  .strictObject({ years: z.array(calendarItemSchema), serverTime: timestampSchema })
  .meta({ id: 'CalendarReference', description: 'The newest published version of each year.' });
export type CalendarReference = z.infer<typeof calendarReferenceSchema>;

export const templateItemSchema = z
  .strictObject({
    /** `<form>.<lang>`, e.g. `appendix-3.kk`. */
    id: z.string(),
    version: z.string(),
    publishedAt: timestampSchema,
    /** The template as resources/forms/<form>.<lang>.json holds it; validate with parseTemplate. */
    template: z.unknown(),
  })
  .meta({ id: 'TemplateItem' });

export const templatesReferenceSchema = z
  .strictObject({ templates: z.array(templateItemSchema), serverTime: timestampSchema })
  .meta({ id: 'TemplatesReference', description: 'The newest published version of each form and language.' });
export type TemplatesReference = z.infer<typeof templatesReferenceSchema>;

export const publishCalendarSchema = z.strictObject({ file: z.unknown() }).meta({ id: 'PublishCalendar' });
export const publishTemplateSchema = z
  .strictObject({ template: z.unknown() })
  .meta({ id: 'PublishTemplate' });
export const publishAnswerSchema = z
  .strictObject({ id: z.string(), version: z.string(), publishedAt: timestampSchema })
  .meta({ id: 'PublishAnswer' });
