package io.fairshare.testsupport.arch.bad.application;

import java.sql.Connection;
import java.sql.SQLException;

public class Shares {
    public void save(Connection c) throws SQLException {
        c.commit();
    }
}
