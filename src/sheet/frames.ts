/** Where the contact sheet freezes each transition (share of its timeline). */
export const SHEET_FRAMES = [0, 0.25, 0.5, 0.75, 1] as const;
