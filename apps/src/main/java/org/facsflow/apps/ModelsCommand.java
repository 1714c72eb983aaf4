package org.facsflow.apps;

import org.facsflow.models.Asset;
import org.facsflow.models.AssetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Prints every model (and, on request, every test medium) with its source, licence, hash and presence. */
@Command(name = "models", description = "List the models facsflow uses: source package, file, format, licence, SHA-256, present/absent.")
final class ModelsCommand implements Callable<Integer> {
    @Option(names = "--media", description = "Also list the demo and test media obtained at set-up.")
    boolean media;

    @Override
    public Integer call() {
        AssetStore store = AssetStore.standard();
        print(store, System.out, media);
        return 0;
    }

    static void print(AssetStore store, PrintStream out, boolean withMedia) {
        out.println("Model cache: " + store.home());
        for (Asset a : store.catalog().all()) {
            if (!a.isModel() && !withMedia) continue;
            out.printf("%n%s  [%s]  %s%n", a.name(), store.status(a).name().toLowerCase(), a.stage());
            out.printf("  source   %s %s (%s)%n", a.registry(), a.packageSpec(), String.join(", ", a.sources()));
            out.printf("  file     %s  (%s)%n", store.location(a), a.format());
            out.printf("  licence  %s%n", a.licence());
            out.printf("  sha256   %s%n", a.sha256());
        }
    }
}
