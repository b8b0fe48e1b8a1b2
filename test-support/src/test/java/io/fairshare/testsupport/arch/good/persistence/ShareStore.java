package io.fairshare.testsupport.arch.good.persistence;

import io.fairshare.testsupport.arch.good.domain.Share;
import java.sql.Connection;
import java.sql.SQLException;

public class ShareStore {
    public void save(Connection c, Share s) throws SQLException {
        c.prepareStatement("INSERT INTO share VALUES ('" + s.party() + "')").execute();
    }
}
