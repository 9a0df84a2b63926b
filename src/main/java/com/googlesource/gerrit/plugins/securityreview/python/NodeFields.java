package com.googlesource.gerrit.plugins.securityreview.python;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** The fields of a tree record class in declaration order, looked up once per class. */
final class NodeFields {
  /** One field: its Java name and how to read it. */
  record Field(String name, Method accessor) {
    Object get(Record r) {
      try {
        return accessor.invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final ClassValue<Field[]> FIELDS =
      new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
          RecordComponent[] rc = type.getRecordComponents();
          Field[] result = new Field[rc.length];
          for (int i = 0; i < rc.length; i++) {
            Method accessor = rc[i].getAccessor();
            accessor.setAccessible(true);
            result[i] = new Field(rc[i].getName(), accessor);
          }
          return result;
        }
      };

  private NodeFields() {}

  static Field[] of(Class<?> type) {
    return FIELDS.get(type);
  }
}
