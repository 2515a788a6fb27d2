/**
 * The size yardstick for the pane's first load: a bare React + Fluent UI v9 page that renders
 * every Fluent component the task pane uses, with no Yardstick code. bench/bundle.bench.ts builds
 * it beside the pane in one webpack build and compares their initial JavaScript, gzipped.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DismissRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

function Page(): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <TabList defaultSelectedValue="a">
        <Tab value="a">A</Tab>
      </TabList>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Title</MessageBarTitle> Body
        </MessageBarBody>
        <MessageBarActions containerAction={<Button icon={<DismissRegular />} aria-label="Dismiss" />} />
      </MessageBar>
      <Spinner label="Loading" />
      <Field label="Field">
        <Input />
      </Field>
      <Dropdown aria-label="Dropdown">
        <Option>One</Option>
      </Dropdown>
      <RadioGroup aria-label="Radio">
        <Radio value="a" label="A" />
      </RadioGroup>
      <Switch label="Switch" />
      <Textarea aria-label="Text" />
      <Badge>Badge</Badge>
      <Link>Link</Link>
      <Button icon={<ArrowClockwiseRegular />}>Button</Button>
      <Table aria-label="Table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>H</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>C</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

const dark = typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches;
createRoot(
  document.getElementById("container") ?? document.body.appendChild(document.createElement("div")),
).render(
  <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
    <Page />
  </FluentProvider>,
);
