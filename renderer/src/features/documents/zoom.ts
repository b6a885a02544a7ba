/** The viewer's zoom steps, one list for PDFs and images so both zoom alike; index 2 is 100 %. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
export const ZOOM_START = 2;
