import { For } from "solid-js";
import "./ReadingSettings.css";

// The choices are this table's: the stored settings (storage/settings.ts) fit its shape.
const GROUPS = [
  {
    name: "theme",
    legend: "Theme",
    options: [
      ["system", "Same as this device"],
      ["light", "Light"],
      ["dark", "Dark"],
    ],
  },
  {
    name: "textSize",
    legend: "Text size",
    options: [
      ["small", "Small"],
      ["medium", "Medium"],
      ["large", "Large"],
      ["larger", "Larger"],
      ["largest", "Largest"],
    ],
  },
  {
    name: "lineWidth",
    legend: "Line width",
    options: [
      ["narrow", "Narrow"],
      ["medium", "Medium"],
      ["wide", "Wide"],
    ],
  },
  {
    name: "font",
    legend: "Font",
    options: [
      ["serif", "Serif"],
      ["sans", "Sans-serif"],
    ],
  },
] as const;

type Group = (typeof GROUPS)[number];
type Name = Group["name"];
/** One value per group, e.g. `{ theme: "dark", textSize: "large", … }`. */
export type ReadingChoices = {
  [N in Name]: Extract<Group, { name: N }>["options"][number][0];
};

/** The reading settings as radio groups; each change goes out at once. */
export function ReadingSettings(props: {
  settings: ReadingChoices;
  onChange: <K extends Name>(name: K, value: ReadingChoices[K]) => void;
}) {
  return (
    <section class="reading-settings" aria-labelledby="reading-settings-heading">
      <h2 id="reading-settings-heading">Reading</h2>
      <For each={GROUPS}>
        {(group) => (
          <fieldset>
            <legend>{group.legend}</legend>
            <div class="choices">
              <For each={group.options}>
                {([value, label]) => (
                  <label>
                    <input
                      type="radio"
                      name={`setting-${group.name}`}
                      value={value}
                      checked={props.settings[group.name] === value}
                      onChange={() => props.onChange(group.name, value)}
                    />
                    {label}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </For>
      <p class="settings-sample prose">
        A sample of the article text: the quick brown fox jumps over the lazy dog, then settles down
        with a long read.
      </p>
      <p class="settings-note">Kept on this device and used on every page.</p>
    </section>
  );
}
