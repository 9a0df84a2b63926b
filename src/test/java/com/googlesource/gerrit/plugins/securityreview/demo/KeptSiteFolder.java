package com.googlesource.gerrit.plugins.securityreview.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.rules.TemporaryFolder;

/**
 * The acceptance framework's temporary folder, except that its first new folder (the one the
 * framework puts the Gerrit site into) is a fixed folder that is not deleted afterwards; used by
 * {@code ./run demo --serve} to keep its site across starts.
 */
final class KeptSiteFolder extends TemporaryFolder {
  private final Path site;
  private boolean siteGiven;

  KeptSiteFolder(Path site) {
    this.site = site;
  }

  @Override
  public synchronized File newFolder() throws IOException {
    if (siteGiven) {
      return super.newFolder();
    }
    siteGiven = true;
    Files.createDirectories(site);
    return site.toFile();
  }
}
