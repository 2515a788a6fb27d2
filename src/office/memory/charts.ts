/** Charts: type, source, series (values and categories), title, position. */
import { parseBox } from "./a1";
import type { MemoryRequestContext } from "./base";
import { MemoryExcelError } from "./errors";
import type { HostChart, HostSheet } from "./host";
import type { MemoryRange } from "./range";

export class MemoryChart {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly find: () => HostChart,
  ) {}
  private set(path: string, v: unknown): void {
    this.context.enqueue({ chart: path, v }, () => {
      this.find().settings[path] = v;
    });
  }
  get title(): { text: string } {
    const set = this.set.bind(this);
    return {
      set text(v: string) {
        set("title.text", v);
      },
    } as { text: string };
  }
  get legend(): { position: string; visible: boolean } {
    const set = this.set.bind(this);
    return {
      set position(v: string) {
        set("legend.position", v);
      },
      set visible(v: boolean) {
        set("legend.visible", v);
      },
    } as { position: string; visible: boolean };
  }
  get axes(): {
    categoryAxis: { tickLabelPosition: string };
    valueAxis: { numberFormat: string };
  } {
    const set = this.set.bind(this);
    const axis = (which: string, property: string) => ({
      set [property](v: string) {
        set(`axes.${which}.${property}`, v);
      },
    });
    return {
      categoryAxis: axis("categoryAxis", "tickLabelPosition"),
      valueAxis: axis("valueAxis", "numberFormat"),
    } as { categoryAxis: { tickLabelPosition: string }; valueAxis: { numberFormat: string } };
  }
  set name(v: string) {
    this.context.enqueue({ chart: "name", v }, () => {
      this.find().name = v;
    });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({ chart: "setPosition", startCell, endCell }, () => {
      parseBox(startCell);
      if (endCell) parseBox(endCell);
      this.find().address = endCell ? `${startCell}:${endCell}` : startCell;
    });
  }
  get series(): { add(name?: string): SeriesHandle; getItemAt(index: number): SeriesHandle } {
    const handle = (index: () => number): SeriesHandle => {
      const setRef = (key: string) => (r: MemoryRange) =>
        this.context.enqueue(
          { chart: `series.${key}` },
          () => {
            const t = r.resolve();
            const s = this.find().series[index()];
            if (!s) throw new MemoryExcelError("InvalidArgument", "The chart has no such series.");
            s[key] = this.context.host.addressOf(t.sheet, t.box);
          },
          "1.7",
        );
      const context = this.context;
      const find = this.find;
      return {
        setValues: setRef("values"),
        setXAxisValues: setRef("categories"),
        set name(v: string) {
          context.enqueue({ chart: "series.name", v }, () => {
            find().series[index()].name = v;
          });
        },
        set chartType(v: string) {
          context.enqueue(
            { chart: "series.chartType", v },
            () => {
              find().series[index()].chartType = v;
            },
            "1.7",
          );
        },
      } as SeriesHandle;
    };
    return {
      add: (name?: string) => {
        let index = -1;
        this.context.enqueue(
          { chart: "series.add", name },
          () => {
            index = this.find().series.push({ name }) - 1;
          },
          "1.7",
        );
        return handle(() => index);
      },
      getItemAt: (i: number) => handle(() => i),
    };
  }
}

interface SeriesHandle {
  name: string;
  setValues(r: MemoryRange): void;
  setXAxisValues(r: MemoryRange): void;
  chartType: string;
}

export class MemoryCharts {
  constructor(
    private readonly context: MemoryRequestContext,
    private readonly path: string,
    private readonly sheet: () => HostSheet,
  ) {}
  add(type: string, sourceData: MemoryRange, seriesBy = "Auto"): MemoryChart {
    let created: HostChart | undefined;
    this.context.enqueue({ path: this.path, call: "add", type, seriesBy }, () => {
      const t = sourceData.resolve();
      const sheet = this.sheet();
      const byRows =
        seriesBy === "Rows" || (seriesBy === "Auto" && t.box.col1 - t.box.col0 > t.box.row1 - t.box.row0);
      const count = byRows ? t.box.row1 - t.box.row0 + 1 : t.box.col1 - t.box.col0 + 1;
      const series = Array.from({ length: count }, (_, i) => ({
        values: this.context.host.addressOf(
          t.sheet,
          byRows
            ? { ...t.box, row0: t.box.row0 + i, row1: t.box.row0 + i }
            : { ...t.box, col0: t.box.col0 + i, col1: t.box.col0 + i },
        ),
      }));
      created = {
        sheet,
        name: `Chart ${this.context.host.charts.length + 1}`,
        type,
        address: "",
        series,
        settings: { source: this.context.host.addressOf(t.sheet, t.box) },
      };
      this.context.host.charts.push(created);
    });
    return new MemoryChart(this.context, () => {
      if (!created) throw new MemoryExcelError("InvalidObjectPath", "The chart was not created.");
      return created;
    });
  }
}
