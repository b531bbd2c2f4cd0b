import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../engine/types";
import { t } from "../../engine/messages";
import { enumLabel, paramDef, paramLabel, type FormValues } from "../paramForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface ParamFormProps {
  keys: ReadonlyArray<string>;
  values: FormValues;
  invalid: ReadonlyArray<string>;
  lang: Lang;
  disabled?: boolean;
  onChange(key: string, value: string): void;
  /** Keys shown together under a legend (e.g. the three ways to size the performance pool). */
  group?: { keys: ReadonlyArray<string>; legend: string };
}

/** One labelled field per parameter: a list for choices and yes/no, a text box for numbers, a date box. */
export function ParamForm({ keys, values, invalid, lang, disabled, onChange, group }: ParamFormProps) {
  const styles = useStyles();
  const field = (key: string) => {
    const def = paramDef(key);
    if (!def) return null;
    const label = paramLabel(key, lang);
    const value = values[key] ?? "";
    const bad = invalid.includes(key);
    const common = {
      label,
      validationState: bad ? ("error" as const) : undefined,
      validationMessage: bad ? t("ui.params.invalid", lang, { name: label }) : undefined,
    };
    if (def.type === "enum" || def.type === "yesno") {
      const options: [string, string][] =
        def.type === "yesno"
          ? [
              ["yes", t("ui.yes", lang)],
              ["no", t("ui.no", lang)],
            ]
          : Object.keys(def.values ?? {}).map((v) => [v, enumLabel(key, v, lang)]);
      return (
        <Field key={key} {...common}>
          <Select value={value} disabled={disabled} onChange={(_, d) => onChange(key, d.value)}>
            <option value="">{t("ui.params.default", lang)}</option>
            {options.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    return (
      <Field key={key} {...common}>
        <Input
          type={def.type === "date" ? "date" : "text"}
          inputMode={def.type === "number" ? "decimal" : undefined}
          value={value}
          disabled={disabled}
          placeholder={def.type === "number" ? t("ui.params.default", lang) : undefined}
          onChange={(_, d) => onChange(key, d.value)}
        />
      </Field>
    );
  };
  const grouped = new Set(group?.keys ?? []);
  return (
    <div className={styles.form}>
      {group && (
        <fieldset className={styles.group}>
          <legend>{group.legend}</legend>
          {group.keys.map(field)}
        </fieldset>
      )}
      {keys.filter((k) => !grouped.has(k)).map(field)}
    </div>
  );
}
