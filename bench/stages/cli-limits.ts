/** Targets of the cli stage (issue 12): each read command from a cold process. */
export const CLI_WALL_LIMIT_S = 0.5;
export const CLI_RSS_LIMIT_MB = 150;
