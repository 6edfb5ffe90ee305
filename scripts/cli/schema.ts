/**
 * How a command's options are described: one valibot strict object per
 * command, whose keys are the options in camelCase (`keepMetadata` is
 * `--keep-metadata`) and whose entries carry, as valibot metadata, what the
 * usage text says of them. The parser (parse.ts) and the usage text (usage.ts)
 * both read it, so an option added to the schema is parsed, checked and
 * documented at once.
 */
import * as v from 'valibot';

/** What the usage text and the parser need of one option, beside its schema. */
export interface OptionMeta {
  /** One line for the help text; say the default in it. */
  readonly text: string;
  /** The name of its value in the usage (`DIR`). A flag without one is a switch (true when given). Default: the picklist's choices. */
  readonly value?: string;
  /** A one-letter form (`o` for `-o`). */
  readonly short?: string;
  /** The words that are not options go here, as an array of strings; one entry at most. */
  readonly positional?: boolean;
  /** Said when a required option is missing. Default: "COMMAND needs --flag VALUE". */
  readonly missing?: string;
  /** Takes a value even though its schema has no picklist or text (a number, say). */
  readonly takesValue?: boolean;
}

export type OptionsSchema = v.ObjectSchema<v.ObjectEntries, undefined> | v.StrictObjectSchema<v.ObjectEntries, v.ErrorMessage<v.StrictObjectIssue> | undefined>;

/** A command: its name, one line of what it does, and the schema of its options. */
export interface CommandSchema<TSchema extends OptionsSchema = OptionsSchema> {
  readonly name: string;
  readonly summary: string;
  readonly options: TSchema;
}

/** `keepLast` → `--keep-last`. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The metadata of an entry (empty when it has none). */
export function optionMeta(schema: v.GenericSchema): OptionMeta {
  const meta = v.getMetadata(schema as Parameters<typeof v.getMetadata>[0]) as Partial<OptionMeta>;
  return { text: '', ...meta };
}

/** An entry that may be left out. */
export function isOptional(schema: v.GenericSchema): boolean {
  return schema.type === 'optional' || schema.type === 'exact_optional';
}

/** The choices of a picklist entry, looking through `optional` and pipes. */
export function choices(schema: v.GenericSchema): readonly string[] | undefined {
  const inner = schema as { type: string; options?: unknown; wrapped?: v.GenericSchema };
  if (inner.type === 'picklist' && Array.isArray(inner.options)) return inner.options as string[];
  if (inner.wrapped !== undefined) return choices(inner.wrapped);
  return undefined;
}

/** Whether the option takes a value (`--out DIR`) or is a switch (`--keep-metadata`). */
export function takesValue(schema: v.GenericSchema): boolean {
  const meta = optionMeta(schema);
  return meta.value !== undefined || meta.takesValue === true || choices(schema) !== undefined;
}

/** Each entry of a command's schema with its key, flag and metadata. */
export function entriesOf(command: CommandSchema): { key: string; flag: string; schema: v.GenericSchema; meta: OptionMeta }[] {
  return Object.entries(command.options.entries).map(([key, schema]) => ({
    key,
    flag: flagName(key),
    schema: schema as v.GenericSchema,
    meta: optionMeta(schema as v.GenericSchema),
  }));
}
