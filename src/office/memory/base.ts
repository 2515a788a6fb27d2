/**
 * Proxy semantics of Office.js: every write or method call is queued and applied at
 * `context.sync()`; properties are readable only after `load` and a sync; collections need
 * their items loaded. Counters record syncs and the JSON size of each request and response.
 */
import type { HostWorkbook } from "./host";
import { MemoryExcelError, propertyNotLoaded } from "./errors";

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
}

export interface ContextOptions {
  apiVersion: number;
  requestLimitBytes: number;
  responseLimitBytes: number;
}

interface Op {
  wire: unknown;
  apply: () => unknown;
  minVersion?: number;
}

/** "1.13" -> 1.13 as a comparable number (1.2 < 1.13). */
export function versionNumber(version: string): number {
  const [major, minor] = version.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

export class MemoryRequestContext {
  private queue: Op[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly host: HostWorkbook,
    readonly stats: SyncStats,
    readonly options: ContextOptions,
  ) {}

  enqueue(wire: unknown, apply: () => unknown, minVersion?: string): void {
    this.queue.push({ wire, apply, minVersion: minVersion ? versionNumber(minVersion) : undefined });
  }

  /** One round trip: send the queued operations, apply them in order, stop at the first error. */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = JSON.stringify(ops.map((o) => o.wire)).length;
    this.stats.syncs += 1;
    this.stats.requestBytes.push(requestBytes);
    await Promise.resolve();
    if (requestBytes > this.options.requestLimitBytes) {
      throw new MemoryExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes).`,
      );
    }
    let responseBytes = 0;
    for (const op of ops) {
      if (op.minVersion !== undefined && op.minVersion > this.options.apiVersion) {
        throw new MemoryExcelError(
          "ApiNotFound",
          `The API you are trying to use could not be found (${JSON.stringify(op.wire).slice(0, 80)}).`,
        );
      }
      const out = op.apply();
      if (out !== undefined) responseBytes += JSON.stringify(out).length;
    }
    this.stats.responseBytes.push(responseBytes);
    if (responseBytes > this.options.responseLimitBytes) {
      throw new MemoryExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`,
      );
    }
  }
}

/** Split "a, b" / ["a"] / "items/name" into property names. */
export function propertyList(
  props: string | string[] | { select?: string } | undefined,
  defaults: string[],
): string[] {
  if (props === undefined) return defaults;
  const raw =
    typeof props === "string"
      ? props.split(",")
      : Array.isArray(props)
        ? props
        : (props.select ?? "").split(",");
  const list = raw.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "");
  return list.length ? list : defaults;
}

export abstract class ClientObject {
  protected readonly loadedProps = new Map<string, unknown>();

  constructor(
    readonly context: MemoryRequestContext,
    protected readonly path: string,
  ) {}

  /** Scalar properties loaded when `load()` names none. */
  protected abstract defaults(): string[];
  /** Read one property from the host (at sync). */
  protected abstract readProp(name: string): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const list = propertyList(props, this.defaults());
    this.context.enqueue({ load: this.path, props: list }, () => this.fill(list));
    return this;
  }

  /** Copy host values into the proxy; returns what crossed the wire. */
  fill(list: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of list) {
      const v = this.readProp(p);
      this.loadedProps.set(p, v);
      out[p] = v;
    }
    return out;
  }

  protected prop<T>(name: string): T {
    if (!this.loadedProps.has(name)) throw propertyNotLoaded(name);
    return this.loadedProps.get(name) as T;
  }

  protected queue(wire: Record<string, unknown>, apply: () => unknown, minVersion?: string): void {
    this.context.enqueue({ path: this.path, ...wire }, apply, minVersion);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** An object fetched with getItemOrNullObject: `isNullObject` is known after the next sync. */
export abstract class NullableObject<E> extends ClientObject {
  private known = false;
  private entity?: E;

  constructor(
    context: MemoryRequestContext,
    path: string,
    private readonly find: () => E | undefined,
    private readonly nullable: boolean,
  ) {
    super(context, path);
    if (nullable) {
      context.enqueue(undefined, () => {
        this.entity = this.find();
        this.known = true;
        return undefined;
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.known) throw propertyNotLoaded("isNullObject");
    return this.entity === undefined;
  }

  protected abstract notFound(): MemoryExcelError;

  /** Loading a null object is not an error in Excel; its properties just stay unavailable. */
  override fill(list: string[]): Record<string, unknown> {
    if (this.nullable && this.find() === undefined) return {};
    return super.fill(list);
  }

  /** The host entity, or ItemNotFound at sync. */
  resolve(): E {
    const e = this.find();
    if (e === undefined) throw this.notFound();
    return e;
  }
}

export abstract class Collection<T extends ClientObject, E> extends ClientObject {
  protected abstract entities(): E[];
  protected abstract wrap(entity: E): T;
  protected abstract itemDefaults(): string[];

  protected defaults(): string[] {
    return this.itemDefaults();
  }

  protected readProp(name: string): unknown {
    if (name === "count") return this.entities().length;
    throw new MemoryExcelError("InvalidArgument", `Unknown property ${name}.`);
  }

  override load(props?: string | string[] | { select?: string }): this {
    const list = propertyList(props, this.itemDefaults()).filter((p) => p !== "count");
    this.context.enqueue({ load: this.path, props: list }, () => {
      const items = this.entities().map((e) => this.wrap(e));
      const wire = items.map((i) => i.fill(list));
      this.loadedProps.set("items", items);
      this.loadedProps.set("count", items.length);
      return wire;
    });
    return this;
  }

  get items(): T[] {
    return this.prop<T[]>("items");
  }

  getCount(): { value: number } {
    const result = { value: NaN };
    let loaded = false;
    this.context.enqueue({ count: this.path }, () => {
      result.value = this.entities().length;
      loaded = true;
      return result.value;
    });
    return {
      get value(): number {
        if (!loaded) throw propertyNotLoaded("value");
        return result.value;
      },
    };
  }
}
