package com.googlesource.gerrit.plugins.securityreview.demo;

import static com.google.common.truth.TruthJUnit.assume;

import com.google.gerrit.acceptance.GerritServer;
import com.google.gerrit.entities.Account;
import com.google.gerrit.entities.Change;
import com.google.gerrit.entities.Project;
import com.google.gerrit.server.account.Accounts;
import com.google.gerrit.server.git.GitRepositoryManager;
import com.google.gerrit.server.index.account.AccountIndexer;
import com.google.gerrit.server.index.change.ChangeIndexer;
import com.google.gerrit.server.notedb.ChangeNotes;
import com.google.gerrit.server.plugins.PluginLoader;
import com.google.gerrit.server.project.ProjectCache;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jgit.lib.Repository;
import org.junit.Test;
import org.junit.runner.Description;

/**
 * The second and later {@code ./run demo --serve}: starts Gerrit again on the site that {@link
 * GerritDemoIT} left in {@code -Dsecurityreview.demo.site=DIR} (same projects, changes, accounts
 * and HTTP passwords; the port may differ), loads the plugin jar the demo installed in the site,
 * indexes the changes and accounts again (the framework's index lives in memory) and keeps the
 * server up until Ctrl-C. Not a {@code *Test}: {@code ./run test} does not run it.
 */
public class ServeDemoSite {
  @Test
  public void serveKeptSite() throws Exception {
    String dir = System.getProperty(GerritDemoIT.SITE_PROPERTY, "");
    assume().that(dir).isNotEmpty();
    Path site = Path.of(dir);
    assume().that(Files.exists(site.resolve(DemoAccounts.FILE))).isTrue();

    // Gerrit's start-up INFO lines; the first start does not show them either.
    Logger.getLogger("").setLevel(Level.WARNING);
    GerritServer.Description desc =
        GerritServer.Description.forTestClass(
            Description.createSuiteDescription(GerritDemoIT.class), "default");
    try (GerritServer server =
        GerritServer.start(desc, GerritDemoIT.config(), site, null, null, null, null)) {
      String base = server.getUrl().endsWith("/") ? server.getUrl() : server.getUrl() + "/";
      Injector injector = server.getTestInjector();
      // The demo installed the jar into the site's plugins folder; load it from there.
      PluginLoader loader = injector.getInstance(PluginLoader.class);
      if (loader.get(GerritDemoIT.PLUGIN) == null) {
        loader.rescan();
      }
      if (loader.get(GerritDemoIT.PLUGIN) == null) {
        throw new IllegalStateException(
            "the kept site has no " + GerritDemoIT.PLUGIN + " plugin: delete " + site);
      }
      reindex(injector);
      StringBuilder out = new StringBuilder();
      GerritDemoIT.print(out, "Gerrit is up again at " + base + " on the kept site " + site);
      GerritDemoIT.print(out, "with the security-review plugin loaded.");
      GerritDemoIT.serve(base, DemoAccounts.load(site));
    }
  }

  /** Fills the in-memory change and account indexes from NoteDb (projects and groups are done). */
  static void reindex(Injector injector) throws Exception {
    GitRepositoryManager repos = injector.getInstance(GitRepositoryManager.class);
    ChangeIndexer changes = injector.getInstance(ChangeIndexer.class);
    for (Project.NameKey project : injector.getInstance(ProjectCache.class).all()) {
      try (Repository repo = repos.openRepository(project)) {
        for (Change.Id id : ChangeNotes.Factory.scanChangeIds(repo).keySet()) {
          changes.index(project, id);
        }
      }
    }
    AccountIndexer accounts = injector.getInstance(AccountIndexer.class);
    for (Account.Id id : injector.getInstance(Accounts.class).allIds()) {
      accounts.index(id);
    }
  }
}
