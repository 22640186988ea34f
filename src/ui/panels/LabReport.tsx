/**
 * The lab's table (docs/lab.md, "Results" and "QEMU killed") on the page itself: a deployed page
 * cannot link into the project's repository, so the note "Checked against real QEMU" opens the
 * table instead. The cells are the lab's own (src/lab/table.json, written by `npm run lab` with
 * docs/lab.md, lab/labdoc.test.ts holds the two equal); loaded when the reader opens it.
 */
import table from "../../lab/table.json";
import { LAB_REPORT } from "../../text/lab";
import { ColumnHeads } from "./ColumnHeads";

function LabTable({
  caption,
  head,
  rows,
  name,
}: {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly name: string;
}) {
  return (
    <div className="lab-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="lab-table" data-lab-table={name}>
        <caption>{caption}</caption>
        <ColumnHeads heads={head} />
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function LabReport() {
  return (
    <>
      <LabTable caption={LAB_REPORT.runs} name="runs" {...table.runs} />
      <LabTable caption={LAB_REPORT.kills} name="kills" {...table.kills} />
    </>
  );
}
