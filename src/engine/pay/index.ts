/** Position-based pay, pay conversion (薪酬套改) and performance pay (绩效薪酬): DOMAIN §4 and §5. */
export * from "./scale";
export * from "./conversion";
export * from "./allocation";
export * from "./forced";
export * from "./performance";
export * from "./tables";
export * from "./sheets";
