package com.googlesource.gerrit.plugins.securityreview.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo's user and admin with their HTTP passwords, kept in the demo site so that a second
 * {@code ./run demo --serve} can print the same credentials (Gerrit stores only their hashes).
 */
record DemoAccounts(String user, String userPassword, String admin, String adminPassword) {
  static final String FILE = "security-review-demo.properties";

  void save(Path site) throws IOException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("userPassword", userPassword);
    p.setProperty("admin", admin);
    p.setProperty("adminPassword", adminPassword);
    try (Writer w = Files.newBufferedWriter(site.resolve(FILE))) {
      p.store(w, "Accounts of ./run demo --serve");
    }
  }

  static DemoAccounts load(Path site) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(site.resolve(FILE))) {
      p.load(r);
    }
    return new DemoAccounts(
        p.getProperty("user"),
        p.getProperty("userPassword"),
        p.getProperty("admin"),
        p.getProperty("adminPassword"));
  }
}
