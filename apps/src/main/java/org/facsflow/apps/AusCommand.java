package org.facsflow.apps;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code facsflow aus}: the FACS catalogue facsflow works from, so users can read what each code means. */
@Command(name = "aus", description = "List the FACS 2002 codes: code, name, muscles, whether one side (L/R) can be scored, appearance.")
final class AusCommand implements Callable<Integer> {
    @Option(names = "--coded", description = "Only the AUs facsflow's AU coder measures.")
    boolean coded;

    @Override
    public Integer call() {
        print(coded ? ActionUnit.CODED : ActionUnit.all(), System.out);
        return 0;
    }

    static void print(List<ActionUnit> codes, PrintStream out) {
        TextTable table = new TextTable("code", "name", "muscles", "L/R", "description");
        for (ActionUnit au : codes)
            table.add(au.code(), au.name(), au.muscles(), au.unilateral() ? "L/R" : "", au.appearance());
        out.print(table.format());
    }
}
