/**
 * Headcount (编制), leader posts and the revolving headcount pool (周转编制池): DOMAIN §1 and §6.
 *
 * Entry points: `headcountFromTables`, `poolFromTables`; core functions `reductionRate`, `quotaCheck`,
 * `reformPlan`, `rankingQuotas`, `poolBalance`, `poolReplay`, `functionsSummary`; result sheets
 * `headcountSheets`, `poolSheets`. The rules each follows are documented at the top of its module.
 */
export * from "./rate";
export * from "./units";
export * from "./pool";
export * from "./functionsList";
export * from "./model";
export * from "./sheets";
