// Stand-in until shared/workflow exports REDUCER_VERSION (branch i7-core): the reducer of main.
export const REDUCER_VERSION = 1;
