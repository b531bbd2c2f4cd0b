/** zh-CN text of one custom function: its name, description and each parameter's name and description. */
export interface FunctionTranslation {
  name: string;
  description: string;
  /** By parameter name as written in the TypeScript signature. */
  parameters: Record<string, { name: string; description: string }>;
  /** Description of the result, optional. */
  result?: string;
}

export type FunctionTranslations = Record<string, FunctionTranslation>;
