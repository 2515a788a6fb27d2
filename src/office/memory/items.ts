/** Named items and workbook settings. */
import { Collection, type MemoryRequestContext, NullableObject } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostName } from "./host";
import { MemoryRange } from "./range";
import { notFound } from "./tables";

export class MemoryNamedItem extends NullableObject<HostName> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => HostName | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["name", "formula", "comment", "type"];
  }
  protected readProp(name: string): unknown {
    const n = this.resolve();
    const known: Record<string, unknown> = {
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      type: /!/.test(n.formula) ? "Range" : "String",
      value: n.formula.replace(/^=/, ""),
    };
    if (!(name in known))
      throw new MemoryExcelError(
        "InvalidArgument",
        `The property '${name}' is not part of NamedItem in this double.`,
      );
    return known[name];
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  get comment(): string {
    return this.prop("comment");
  }
  delete(): void {
    this.queue(
      { call: "delete" },
      () => this.context.host.names.delete(this.resolve().name.toLowerCase()),
      "1.4",
    );
  }
}

export class MemoryNames extends Collection<MemoryNamedItem, HostName> {
  protected entities(): HostName[] {
    return [...this.context.host.names.values()];
  }
  protected wrap(n: HostName): MemoryNamedItem {
    return new MemoryNamedItem(this.context, `name#${n.name}`, () =>
      this.context.host.names.get(n.name.toLowerCase()),
    );
  }
  protected itemDefaults(): string[] {
    return ["name", "formula", "comment", "type"];
  }
  add(name: string, reference: string | MemoryRange, comment = ""): MemoryNamedItem {
    this.queue(
      { call: "add", name, reference: typeof reference === "string" ? reference : "range", comment },
      () => {
        const formula =
          typeof reference === "string"
            ? reference
            : `=${this.context.host.addressOf(reference.resolve().sheet, reference.resolve().box)}`;
        this.context.host.addName(name, formula, comment);
      },
      "1.4",
    );
    return this.getItem(name);
  }
  getItem(name: string): MemoryNamedItem {
    return new MemoryNamedItem(this.context, `name(${name})`, () =>
      this.context.host.names.get(name.toLowerCase()),
    );
  }
  getItemOrNullObject(name: string): MemoryNamedItem {
    return new MemoryNamedItem(
      this.context,
      `name?(${name})`,
      () => this.context.host.names.get(name.toLowerCase()),
      true,
    );
  }
}

export class MemorySetting extends NullableObject<{ key: string; value: unknown }> {
  constructor(
    context: MemoryRequestContext,
    path: string,
    find: () => { key: string; value: unknown } | undefined,
    nullable = false,
  ) {
    super(context, path, find, nullable);
  }
  protected notFound(): MemoryExcelError {
    return notFound(this.path);
  }
  protected defaults(): string[] {
    return ["key", "value"];
  }
  protected readProp(name: string): unknown {
    const s = this.resolve();
    if (name === "key") return s.key;
    if (name === "value") return JSON.parse(JSON.stringify(s.value));
    throw new MemoryExcelError("InvalidArgument", `The property '${name}' is not part of Setting.`);
  }
  get key(): string {
    return this.prop("key");
  }
  get value(): unknown {
    return this.prop("value");
  }
  delete(): void {
    this.queue({ call: "delete" }, () => this.context.host.settings.delete(this.resolve().key), "1.4");
  }
}

export class MemorySettings extends Collection<MemorySetting, { key: string; value: unknown }> {
  protected entities(): { key: string; value: unknown }[] {
    return [...this.context.host.settings].map(([key, value]) => ({ key, value }));
  }
  protected wrap(e: { key: string; value: unknown }): MemorySetting {
    return new MemorySetting(this.context, `setting#${e.key}`, () => this.find(e.key));
  }
  protected itemDefaults(): string[] {
    return ["key", "value"];
  }
  private find(key: string): { key: string; value: unknown } | undefined {
    return this.context.host.settings.has(key)
      ? { key, value: this.context.host.settings.get(key) }
      : undefined;
  }
  add(key: string, value: unknown): MemorySetting {
    this.queue(
      { call: "add", key, value },
      () => {
        this.context.host.settings.set(key, JSON.parse(JSON.stringify(value)));
      },
      "1.4",
    );
    return this.getItem(key);
  }
  getItem(key: string): MemorySetting {
    return new MemorySetting(this.context, `setting(${key})`, () => this.find(key));
  }
  getItemOrNullObject(key: string): MemorySetting {
    return new MemorySetting(this.context, `setting?(${key})`, () => this.find(key), true);
  }
}
