package com.forno.pizzeria.platform.persistence;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * The one naming rule of the schema: a field's column is its name in snake_case ({@code onHandDelta} is
 * {@code on_hand_delta}), so entities write {@code @Column(name = …)} only where a column is named otherwise
 * ({@code sku} in {@code ingredient_sku}). Each WAR registers it in its persistence.xml
 * ({@code eclipselink.session.customizer}).
 * <p>
 * It runs after EclipseLink has read the annotations and before it initialises the descriptors, so the embeddables'
 * descriptors (embedded and element collections) are renamed before the entities copy them. A column left to
 * JPA's default is named after the attribute (EclipseLink upper-cases it); one that differs from the attribute's
 * name, ignoring case, was named by the entity and stays. Only direct (basic) mappings are renamed: join columns,
 * order columns and collection tables are always named by the entity.
 */
public class SnakeCaseColumns implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getDescriptors().values().forEach(SnakeCaseColumns::rename);
    }

    static void rename(ClassDescriptor descriptor) {
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            DatabaseField field = mapping.isAbstractDirectMapping() ? mapping.getField() : null;
            String attribute = mapping.getAttributeName();
            String column = snakeCase(attribute);
            // a one-word default (ID, NAME) already names its column: left exactly as EclipseLink made it
            if (field != null && !column.equals(attribute) && field.getName().equalsIgnoreCase(attribute)) {
                field.setName(column);
            }
        }
    }

    /** {@code onHandDelta} → {@code on_hand_delta}; a name without capitals stays as it is. */
    static String snakeCase(String attribute) {
        StringBuilder column = new StringBuilder(attribute.length() + 4);
        for (char c : attribute.toCharArray()) {
            if (Character.isUpperCase(c)) {
                column.append('_').append(Character.toLowerCase(c));
            } else {
                column.append(c);
            }
        }
        return column.toString();
    }
}
