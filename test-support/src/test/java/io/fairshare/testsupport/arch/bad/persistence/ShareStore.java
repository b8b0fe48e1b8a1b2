package io.fairshare.testsupport.arch.bad.persistence;

public class ShareStore {
}
